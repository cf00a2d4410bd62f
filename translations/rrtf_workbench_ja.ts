<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>CodeEditor</name>
    <message>
        <location filename="../widgets/code_editor.cpp" line="45"/>
        <source>Code editor</source>
        <translation>コードエディター</translation>
    </message>
</context>
<context>
    <name>OutcomeBadge</name>
    <message>
        <location filename="../widgets/outcome_badge.cpp" line="73"/>
        <source>Passed</source>
        <translation>合格</translation>
    </message>
    <message>
        <location filename="../widgets/outcome_badge.cpp" line="74"/>
        <source>Failed</source>
        <translation>不合格</translation>
    </message>
    <message>
        <location filename="../widgets/outcome_badge.cpp" line="75"/>
        <source>Error</source>
        <translation>エラー</translation>
    </message>
    <message>
        <location filename="../widgets/outcome_badge.cpp" line="76"/>
        <source>Syntax error</source>
        <translation>構文エラー</translation>
    </message>
    <message>
        <location filename="../widgets/outcome_badge.cpp" line="77"/>
        <source>Timeout</source>
        <translation>タイムアウト</translation>
    </message>
    <message>
        <location filename="../widgets/outcome_badge.cpp" line="78"/>
        <source>Out of memory</source>
        <translation>メモリ不足</translation>
    </message>
    <message>
        <location filename="../widgets/outcome_badge.cpp" line="79"/>
        <source>Crashed</source>
        <translation>クラッシュ</translation>
    </message>
    <message>
        <location filename="../widgets/outcome_badge.cpp" line="80"/>
        <source>Output limit</source>
        <translation>出力制限超過</translation>
    </message>
    <message>
        <location filename="../widgets/outcome_badge.cpp" line="81"/>
        <source>Tampered</source>
        <translation>改ざん</translation>
    </message>
    <message>
        <location filename="../widgets/outcome_badge.cpp" line="82"/>
        <source>Sandbox error</source>
        <translation>サンドボックスエラー</translation>
    </message>
    <message>
        <location filename="../widgets/outcome_badge.cpp" line="83"/>
        <source>Running</source>
        <translation>実行中</translation>
    </message>
    <message>
        <location filename="../widgets/outcome_badge.cpp" line="84"/>
        <source>Not judged</source>
        <translation>未判定</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/outcome_badge.cpp" line="131"/>
        <source>%1/%n tests</source>
        <extracomment>Outcome badge suffix: passed / total unit tests, e.g. &quot;3/5 tests&quot;</extracomment>
        <translation>
            <numerusform>%1/%n テスト</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/outcome_badge.cpp" line="132"/>
        <source>%1 · %2</source>
        <comment>outcome · test counts</comment>
        <translation>%1 · %2</translation>
    </message>
</context>
<context>
    <name>VennView</name>
    <message>
        <location filename="../widgets/venn_view.cpp" line="19"/>
        <source>Problems solved per model</source>
        <translation>モデルごとの解決済み問題</translation>
    </message>
    <message>
        <location filename="../widgets/venn_view.cpp" line="135"/>
        <source>Solved by no model</source>
        <translation>どのモデルも解決せず</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/venn_view.cpp" line="135"/>
        <location filename="../widgets/venn_view.cpp" line="142"/>
        <source>%n problem(s)</source>
        <translation>
            <numerusform>%n 問</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/venn_view.cpp" line="139"/>
        <source>Solved by: %1</source>
        <translation>解決したモデル: %1</translation>
    </message>
    <message>
        <location filename="../widgets/venn_view.cpp" line="141"/>
        <source>Not solved by: %1</source>
        <translation>解決しなかったモデル: %1</translation>
    </message>
    <message>
        <location filename="../widgets/venn_view_paint.cpp" line="26"/>
        <source>Solved by none: %1</source>
        <translation>どのモデルも解決せず: %1</translation>
    </message>
    <message>
        <location filename="../widgets/venn_view_paint.cpp" line="117"/>
        <source>No results to compare</source>
        <translation>比較する結果がありません</translation>
    </message>
    <message>
        <location filename="../widgets/venn_view_paint.cpp" line="268"/>
        <source>No problems</source>
        <translation>問題がありません</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/workbench/main.cpp" line="40"/>
        <source>Compare, judge and train code models</source>
        <translation>コードモデルの比較・判定・学習</translation>
    </message>
    <message>
        <location filename="../app/workbench/main.cpp" line="43"/>
        <source>Do not load the models at start</source>
        <translation>起動時にモデルを読み込まない</translation>
    </message>
</context>
<context>
    <name>rrtf::AnswerPane</name>
    <message>
        <location filename="../app/workbench/answer_pane.cpp" line="49"/>
        <source>Greedy</source>
        <translation>貪欲法</translation>
    </message>
    <message>
        <location filename="../app/workbench/answer_pane.cpp" line="55"/>
        <source>Temperature</source>
        <translation>温度</translation>
    </message>
    <message>
        <location filename="../app/workbench/answer_pane.cpp" line="60"/>
        <source>Top-p</source>
        <translation>Top-p</translation>
    </message>
    <message>
        <location filename="../app/workbench/answer_pane.cpp" line="64"/>
        <source>Seed</source>
        <translation>シード</translation>
    </message>
    <message>
        <location filename="../app/workbench/answer_pane.cpp" line="68"/>
        <source>Maximum new tokens</source>
        <translation>最大新規トークン数</translation>
    </message>
    <message>
        <location filename="../app/workbench/answer_pane.cpp" line="70"/>
        <source>Stop sequences</source>
        <translation>停止シーケンス</translation>
    </message>
    <message>
        <location filename="../app/workbench/answer_pane.cpp" line="71"/>
        <source>Comma-separated; \n is a newline</source>
        <translation>カンマ区切り。\n は改行</translation>
    </message>
    <message>
        <location filename="../app/workbench/answer_pane.cpp" line="82"/>
        <source>T</source>
        <translation>T</translation>
    </message>
    <message>
        <location filename="../app/workbench/answer_pane.cpp" line="84"/>
        <source>top-p</source>
        <translation>top-p</translation>
    </message>
    <message>
        <location filename="../app/workbench/answer_pane.cpp" line="86"/>
        <source>Decoding</source>
        <translation>デコード</translation>
    </message>
    <message>
        <location filename="../app/workbench/answer_pane.cpp" line="88"/>
        <source>seed</source>
        <translation>シード</translation>
    </message>
    <message>
        <location filename="../app/workbench/answer_pane.cpp" line="90"/>
        <source>max tokens</source>
        <translation>最大トークン数</translation>
    </message>
    <message>
        <location filename="../app/workbench/answer_pane.cpp" line="92"/>
        <source>Limits</source>
        <translation>制限</translation>
    </message>
    <message>
        <location filename="../app/workbench/answer_pane.cpp" line="93"/>
        <source>Stop at</source>
        <translation>停止条件</translation>
    </message>
    <message>
        <location filename="../app/workbench/answer_pane.cpp" line="97"/>
        <source>Answer of %1</source>
        <translation>%1 の回答</translation>
    </message>
    <message>
        <location filename="../app/workbench/answer_pane.cpp" line="106"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../app/workbench/answer_pane.cpp" line="108"/>
        <source>Run tests</source>
        <translation>テストを実行</translation>
    </message>
    <message>
        <location filename="../app/workbench/answer_pane.cpp" line="110"/>
        <source>Record…</source>
        <translation>記録…</translation>
    </message>
    <message>
        <location filename="../app/workbench/answer_pane.cpp" line="111"/>
        <source>How to reproduce this answer: model, template, parameters, seed, versions</source>
        <translation>この回答を再現する方法: モデル、テンプレート、パラメーター、シード、バージョン</translation>
    </message>
    <message>
        <location filename="../app/workbench/answer_pane.cpp" line="166"/>
        <source>waiting for the first token…</source>
        <translation>最初のトークンを待っています…</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/workbench/answer_pane.cpp" line="178"/>
        <source>%n token(s)</source>
        <translation>
            <numerusform>%n トークン</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/workbench/answer_pane.cpp" line="196"/>
        <source>failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <location filename="../app/workbench/answer_pane.cpp" line="199"/>
        <source>%1 tokens · first token %2 ms · %3 tok/s · %4</source>
        <translation>%1 トークン · 最初のトークン %2 ms · %3 tok/s · %4</translation>
    </message>
    <message>
        <location filename="../app/workbench/answer_pane.cpp" line="227"/>
        <source>Reproducibility record — %1</source>
        <translation>再現性記録 — %1</translation>
    </message>
    <message>
        <location filename="../app/workbench/answer_pane.cpp" line="231"/>
        <source>Copy</source>
        <translation>コピー</translation>
    </message>
</context>
<context>
    <name>rrtf::CompareView</name>
    <message>
        <location filename="../app/workbench/compare_view.cpp" line="35"/>
        <source>Synchronised scrolling</source>
        <translation>スクロールを同期</translation>
    </message>
    <message>
        <location filename="../app/workbench/compare_view.cpp" line="156"/>
        <source>This prompt has no tests: pick a problem from the problem list.</source>
        <translation>このプロンプトにはテストがありません。問題リストから問題を選んでください。</translation>
    </message>
    <message>
        <location filename="../app/workbench/compare_view.cpp" line="170"/>
        <source>Difference between two answers</source>
        <translation>2 つの回答の差分</translation>
    </message>
</context>
<context>
    <name>rrtf::MainWindow</name>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="36"/>
        <source>RRTF Workbench</source>
        <translation>RRTF Workbench</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="59"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="76"/>
        <source>Prompt</source>
        <translation>プロンプト</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="77"/>
        <location filename="../app/workbench/main_window.cpp" line="242"/>
        <source>Free prompt (no tests)</source>
        <translation>自由プロンプト（テストなし）</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="78"/>
        <source>Run all</source>
        <translation>すべて実行</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="79"/>
        <source>Generate an answer in every pane (Ctrl+Return)</source>
        <translation>すべてのペインで回答を生成 (Ctrl+Return)</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="80"/>
        <source>Stop all</source>
        <translation>すべて停止</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="81"/>
        <source>Run tests</source>
        <translation>テストを実行</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="82"/>
        <source>Diff…</source>
        <translation>差分…</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="117"/>
        <location filename="../app/workbench/main_window.cpp" line="133"/>
        <source>Models</source>
        <translation>モデル</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="118"/>
        <source>Add…</source>
        <translation>追加…</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="119"/>
        <source>Remove</source>
        <translation>削除</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="120"/>
        <source>Load</source>
        <translation>読み込み</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="121"/>
        <source>Unload</source>
        <translation>アンロード</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="140"/>
        <location filename="../app/workbench/main_window.cpp" line="143"/>
        <source>Problems</source>
        <translation>問題</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="151"/>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="152"/>
        <source>Open &amp;Problem Set…</source>
        <translation>問題セットを開く(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="153"/>
        <source>Open a problem set</source>
        <translation>問題セットを開く</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="154"/>
        <source>Problem sets (*.jsonl *.jsonl.gz *.json)</source>
        <translation>問題セット (*.jsonl *.jsonl.gz *.json)</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="158"/>
        <source>&amp;Add Model…</source>
        <translation>モデルを追加(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="160"/>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="162"/>
        <source>&amp;Run</source>
        <translation>実行(&amp;R)</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="163"/>
        <source>Run &amp;All</source>
        <translation>すべて実行(&amp;A)</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="164"/>
        <source>&amp;Stop All</source>
        <translation>すべて停止(&amp;S)</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="165"/>
        <source>Run &amp;Tests</source>
        <translation>テストを実行(&amp;T)</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="166"/>
        <source>&amp;Diff Two Answers…</source>
        <translation>2 つの回答を比較(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="168"/>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="172"/>
        <source>&amp;Reset Layout</source>
        <translation>レイアウトをリセット(&amp;R)</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="174"/>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="175"/>
        <source>&amp;About RRTF Workbench</source>
        <translation>RRTF Workbench について(&amp;A)</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="176"/>
        <source>About RRTF Workbench</source>
        <translation>RRTF Workbench について</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="177"/>
        <source>&lt;b&gt;RRTF Workbench %1&lt;/b&gt;&lt;p&gt;Compare StarCoder-family models side by side, judge their answers in a sandbox, and train them with RRTF.&lt;/p&gt;</source>
        <translation>&lt;b&gt;RRTF Workbench %1&lt;/b&gt;&lt;p&gt;StarCoder 系モデルを並べて比較し、サンドボックスで回答を判定し、RRTF で学習させます。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="189"/>
        <source>Writing the demo models…</source>
        <translation>デモモデルを書き込んでいます…</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="195"/>
        <source>Demo workspace: tiny random models and a small problem set</source>
        <translation>デモワークスペース: 小さなランダムモデルと小規模な問題セット</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="197"/>
        <source>Demo workspace</source>
        <translation>デモワークスペース</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="215"/>
        <source>Cannot open the problem set</source>
        <translation>問題セットを開けません</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="228"/>
        <source>Problem %1</source>
        <translation>問題 %1</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="245"/>
        <source>No model is loaded: load one in the Models panel.</source>
        <translation>モデルが読み込まれていません。「モデル」パネルで読み込んでください。</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="260"/>
        <source>Hugging Face model folder</source>
        <translation>Hugging Face モデルフォルダー</translation>
    </message>
</context>
<context>
    <name>rrtf::ModelHost</name>
    <message>
        <location filename="../app/workbench/model_host.cpp" line="76"/>
        <source>Reading the checkpoint</source>
        <translation>チェックポイントを読み込んでいます</translation>
    </message>
    <message>
        <location filename="../app/workbench/model_host.cpp" line="85"/>
        <source>Reading the tokenizer</source>
        <translation>トークナイザーを読み込んでいます</translation>
    </message>
    <message>
        <location filename="../app/workbench/model_host.cpp" line="87"/>
        <source>Fingerprinting</source>
        <translation>フィンガープリントを計算中</translation>
    </message>
    <message>
        <location filename="../app/workbench/model_host.cpp" line="96"/>
        <source>Ready</source>
        <translation>準備完了</translation>
    </message>
    <message>
        <location filename="../app/workbench/model_host.cpp" line="118"/>
        <source>The model is not loaded.</source>
        <translation>モデルが読み込まれていません。</translation>
    </message>
</context>
<context>
    <name>rrtf::ModelListModel</name>
    <message>
        <location filename="../app/workbench/model_list_model.cpp" line="10"/>
        <source>not loaded</source>
        <translation>未読み込み</translation>
    </message>
    <message>
        <location filename="../app/workbench/model_list_model.cpp" line="11"/>
        <source>loading</source>
        <translation>読み込み中</translation>
    </message>
    <message>
        <location filename="../app/workbench/model_list_model.cpp" line="12"/>
        <source>loaded</source>
        <translation>読み込み済み</translation>
    </message>
    <message>
        <location filename="../app/workbench/model_list_model.cpp" line="13"/>
        <source>failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <location filename="../app/workbench/model_list_model.cpp" line="62"/>
        <source>%1 (%2%)</source>
        <translation>%1 (%2%)</translation>
    </message>
    <message>
        <location filename="../app/workbench/model_list_model.cpp" line="75"/>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <location filename="../app/workbench/model_list_model.cpp" line="76"/>
        <source>Checkpoint folder</source>
        <translation>チェックポイントフォルダー</translation>
    </message>
    <message>
        <location filename="../app/workbench/model_list_model.cpp" line="77"/>
        <source>Device</source>
        <translation>デバイス</translation>
    </message>
    <message>
        <location filename="../app/workbench/model_list_model.cpp" line="78"/>
        <source>Dtype</source>
        <translation>Dtype</translation>
    </message>
    <message>
        <location filename="../app/workbench/model_list_model.cpp" line="79"/>
        <source>Template</source>
        <translation>テンプレート</translation>
    </message>
    <message>
        <location filename="../app/workbench/model_list_model.cpp" line="80"/>
        <source>State</source>
        <translation>状態</translation>
    </message>
    <message>
        <location filename="../app/workbench/model_list_model.cpp" line="81"/>
        <source>Memory</source>
        <translation>メモリ</translation>
    </message>
    <message>
        <location filename="../app/workbench/model_list_model.cpp" line="214"/>
        <source>Waiting</source>
        <translation>待機中</translation>
    </message>
</context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>main</name>
    <message>
        <location filename="../app/workbench/main.cpp" line="47"/>
        <source>Compare, judge and train code models</source>
        <translation>コードモデルの比較・判定・学習</translation>
    </message>
    <message>
        <location filename="../app/workbench/main.cpp" line="50"/>
        <source>Do not load the models at start</source>
        <translation>起動時にモデルを読み込まない</translation>
    </message>
    <message>
        <location filename="../app/workbench/main.cpp" line="53"/>
        <source>After the first start&apos;s demo, save a PNG of each tab into DIR and quit</source>
        <translation>初回起動時のデモの後、各タブの PNG を DIR に保存して終了する</translation>
    </message>
    <message>
        <location filename="../app/workbench/main.cpp" line="58"/>
        <source>Before the screenshots, run the demo training jobs to their end</source>
        <translation>スクリーンショットの前に、デモの学習ジョブを最後まで実行する</translation>
    </message>
</context>
<context>
    <name>rrtf</name>
    <message>
        <location filename="../app/workbench/report.cpp" line="36"/>
        <source>unknown problem set</source>
        <translation>不明な問題セット</translation>
    </message>
    <message>
        <location filename="../app/workbench/report.cpp" line="41"/>
        <source>Leaderboard</source>
        <translation>リーダーボード</translation>
    </message>
    <message>
        <location filename="../app/workbench/report.cpp" line="44"/>
        <source>No benchmark runs yet.</source>
        <translation>ベンチマーク実行はまだありません。</translation>
    </message>
    <message>
        <location filename="../app/workbench/report.cpp" line="57"/>
        <location filename="../app/workbench/report.cpp" line="68"/>
        <location filename="../app/workbench/report.cpp" line="130"/>
        <source>Model</source>
        <translation>モデル</translation>
    </message>
    <message>
        <location filename="../app/workbench/report.cpp" line="57"/>
        <source>Problem set</source>
        <translation>問題セット</translation>
    </message>
    <message>
        <location filename="../app/workbench/report.cpp" line="57"/>
        <location filename="../app/workbench/report.cpp" line="68"/>
        <source>Decoding</source>
        <translation>デコード</translation>
    </message>
    <message>
        <location filename="../app/workbench/report.cpp" line="57"/>
        <source>Judged</source>
        <translation>判定済み</translation>
    </message>
    <message>
        <location filename="../app/workbench/report.cpp" line="57"/>
        <source>Passed</source>
        <translation>合格</translation>
    </message>
    <message>
        <location filename="../app/workbench/report.cpp" line="57"/>
        <source>pass@1</source>
        <translation>pass@1</translation>
    </message>
    <message>
        <location filename="../app/workbench/report.cpp" line="58"/>
        <source>pass@10</source>
        <translation>pass@10</translation>
    </message>
    <message>
        <location filename="../app/workbench/report.cpp" line="58"/>
        <source>pass@100</source>
        <translation>pass@100</translation>
    </message>
    <message>
        <location filename="../app/workbench/report.cpp" line="58"/>
        <source>tok/s</source>
        <translation>tok/s</translation>
    </message>
    <message>
        <location filename="../app/workbench/report.cpp" line="58"/>
        <source>Weights</source>
        <translation>重み</translation>
    </message>
    <message>
        <location filename="../app/workbench/report.cpp" line="58"/>
        <source>Device</source>
        <translation>デバイス</translation>
    </message>
    <message>
        <location filename="../app/workbench/report.cpp" line="58"/>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <location filename="../app/workbench/report.cpp" line="60"/>
        <source>pass@k is the unbiased estimator of Chen et al. (2021) over the problems whose samples are all judged; it is left empty when k exceeds the samples per problem.</source>
        <translation>pass@k は、すべてのサンプルが判定済みの問題を対象とした Chen et al. (2021) の不偏推定量です。k が問題ごとのサンプル数を超える場合は空欄になります。</translation>
    </message>
    <message>
        <location filename="../app/workbench/failure_label_text.cpp" line="15"/>
        <source>wrong algorithm</source>
        <translation>アルゴリズムの誤り</translation>
    </message>
    <message>
        <location filename="../app/workbench/failure_label_text.cpp" line="16"/>
        <source>The approach cannot solve the problem even when carried out correctly.</source>
        <translation>正しく実装しても、その方針では問題を解けません。</translation>
    </message>
    <message>
        <location filename="../app/workbench/failure_label_text.cpp" line="17"/>
        <source>off-by-one / boundary</source>
        <translation>オフバイワン / 境界</translation>
    </message>
    <message>
        <location filename="../app/workbench/failure_label_text.cpp" line="18"/>
        <source>Right idea, wrong at the edges: ranges, empty input, first or last element.</source>
        <translation>考え方は正しいものの、境界で誤ります: 範囲、空の入力、先頭または末尾の要素。</translation>
    </message>
    <message>
        <location filename="../app/workbench/failure_label_text.cpp" line="19"/>
        <source>misread the spec</source>
        <translation>仕様の読み違い</translation>
    </message>
    <message>
        <location filename="../app/workbench/failure_label_text.cpp" line="20"/>
        <source>Solves a different problem than the docstring asks for.</source>
        <translation>docstring が求めるものとは別の問題を解いています。</translation>
    </message>
    <message>
        <location filename="../app/workbench/failure_label_text.cpp" line="21"/>
        <source>syntax error</source>
        <translation>構文エラー</translation>
    </message>
    <message>
        <location filename="../app/workbench/failure_label_text.cpp" line="21"/>
        <source>The completion does not parse.</source>
        <translation>補完結果を構文解析できません。</translation>
    </message>
    <message>
        <location filename="../app/workbench/failure_label_text.cpp" line="23"/>
        <source>Raises an exception (TypeError, IndexError, ...) on some test.</source>
        <translation>いずれかのテストで例外（TypeError、IndexError など）が発生します。</translation>
    </message>
    <message>
        <location filename="../app/workbench/failure_label_text.cpp" line="24"/>
        <source>timeout / inefficient</source>
        <translation>タイムアウト / 非効率</translation>
    </message>
    <message>
        <location filename="../app/workbench/failure_label_text.cpp" line="25"/>
        <source>Correct in principle but too slow for the tests&apos; inputs.</source>
        <translation>原理的には正しいものの、テストの入力に対して遅すぎます。</translation>
    </message>
    <message>
        <location filename="../app/workbench/failure_label_text.cpp" line="26"/>
        <source>incomplete code</source>
        <translation>不完全なコード</translation>
    </message>
    <message>
        <location filename="../app/workbench/failure_label_text.cpp" line="27"/>
        <source>Stops early: a missing return, an unfinished branch, cut off at the token limit.</source>
        <translation>途中で終わっています: return の欠落、未完成の分岐、トークン上限での打ち切り。</translation>
    </message>
    <message>
        <location filename="../app/workbench/failure_label_text.cpp" line="28"/>
        <source>hallucinated API</source>
        <translation>架空の API</translation>
    </message>
    <message>
        <location filename="../app/workbench/failure_label_text.cpp" line="29"/>
        <source>Calls functions, methods or modules that do not exist.</source>
        <translation>存在しない関数、メソッド、モジュールを呼び出しています。</translation>
    </message>
    <message>
        <location filename="../app/workbench/failure_label_text.cpp" line="30"/>
        <source>formatting / IO</source>
        <translation>書式 / 入出力</translation>
    </message>
    <message>
        <location filename="../app/workbench/failure_label_text.cpp" line="31"/>
        <source>Right values in the wrong form: types, rounding, whitespace, printing.</source>
        <translation>値は正しいものの、形式が誤っています: 型、丸め、空白、出力。</translation>
    </message>
    <message>
        <location filename="../app/workbench/failure_label_text.cpp" line="32"/>
        <location filename="../app/workbench/report.cpp" line="71"/>
        <source>other</source>
        <translation>その他</translation>
    </message>
    <message>
        <location filename="../app/workbench/failure_label_text.cpp" line="33"/>
        <source>Anything the labels above do not cover: say what in the note.</source>
        <translation>上記のラベルに当てはまらないもの: 具体的な内容はメモに書いてください。</translation>
    </message>
    <message>
        <location filename="../app/workbench/report.cpp" line="90"/>
        <source>Outcomes</source>
        <translation>結果</translation>
    </message>
    <message>
        <location filename="../app/workbench/report.cpp" line="100"/>
        <source>only %1</source>
        <translation>%1 のみ</translation>
    </message>
    <message>
        <location filename="../app/workbench/report.cpp" line="115"/>
        <source>Case study: %1, %2</source>
        <translation>ケーススタディ: %1、%2</translation>
    </message>
    <message>
        <location filename="../app/workbench/report.cpp" line="121"/>
        <source>A model solves a problem when at least one of its samples passes.</source>
        <translation>モデルのサンプルのうち少なくとも 1 つが合格すれば、その問題を解決したとみなします。</translation>
    </message>
    <message>
        <location filename="../app/workbench/report.cpp" line="122"/>
        <source>A model solves a problem when its greedy answer passes.</source>
        <translation>モデルの貪欲法による回答が合格すれば、その問題を解決したとみなします。</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/workbench/report.cpp" line="124"/>
        <source>%n sandbox error(s) were left out.</source>
        <translation>
            <numerusform>サンドボックスエラー %n 件を除外しました。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/workbench/report.cpp" line="125"/>
        <source>%n problem(s) judged.</source>
        <translation>
            <numerusform>%n 問を判定済み。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/workbench/report.cpp" line="130"/>
        <source>Solved</source>
        <translation>解決済み</translation>
    </message>
    <message>
        <location filename="../app/workbench/report.cpp" line="132"/>
        <source>Who solves what</source>
        <translation>どのモデルがどの問題を解決したか</translation>
    </message>
    <message>
        <location filename="../app/workbench/report.cpp" line="137"/>
        <source>none</source>
        <translation>なし</translation>
    </message>
    <message>
        <location filename="../app/workbench/report.cpp" line="138"/>
        <source>Solved by</source>
        <translation>解決したモデル</translation>
    </message>
    <message>
        <location filename="../app/workbench/report.cpp" line="138"/>
        <source>Problems</source>
        <translation>問題</translation>
    </message>
    <message>
        <location filename="../app/workbench/report.cpp" line="138"/>
        <source>Task ids</source>
        <translation>タスク ID</translation>
    </message>
    <message>
        <location filename="../app/workbench/report.cpp" line="141"/>
        <source>McNemar&apos;s exact test</source>
        <translation>McNemar 正確検定</translation>
    </message>
    <message>
        <location filename="../app/workbench/report.cpp" line="150"/>
        <source>Model A</source>
        <translation>モデル A</translation>
    </message>
    <message>
        <location filename="../app/workbench/report.cpp" line="150"/>
        <source>Model B</source>
        <translation>モデル B</translation>
    </message>
    <message>
        <location filename="../app/workbench/report.cpp" line="150"/>
        <source>Only A</source>
        <translation>A のみ</translation>
    </message>
    <message>
        <location filename="../app/workbench/report.cpp" line="150"/>
        <source>Only B</source>
        <translation>B のみ</translation>
    </message>
    <message>
        <location filename="../app/workbench/report.cpp" line="150"/>
        <source>p-value</source>
        <translation>p 値</translation>
    </message>
    <message>
        <location filename="../app/workbench/report.cpp" line="163"/>
        <source>Where the models disagree most</source>
        <translation>モデル間の不一致が最も大きい問題</translation>
    </message>
    <message>
        <location filename="../app/workbench/report.cpp" line="164"/>
        <source>Task</source>
        <translation>タスク</translation>
    </message>
    <message>
        <location filename="../app/workbench/report.cpp" line="164"/>
        <source>Disagreement</source>
        <translation>不一致度</translation>
    </message>
    <message>
        <location filename="../app/workbench/report.cpp" line="194"/>
        <source>Failure labels</source>
        <translation>失敗ラベル</translation>
    </message>
    <message>
        <location filename="../app/workbench/report.cpp" line="208"/>
        <source>Label</source>
        <translation>ラベル</translation>
    </message>
    <message>
        <location filename="../app/workbench/report.cpp" line="213"/>
        <source>Agreement between annotators</source>
        <translation>アノテーター間の一致度</translation>
    </message>
    <message>
        <location filename="../app/workbench/report.cpp" line="218"/>
        <source>n/a</source>
        <translation>該当なし</translation>
    </message>
    <message>
        <location filename="../app/workbench/report.cpp" line="219"/>
        <source>Annotator A</source>
        <translation>アノテーター A</translation>
    </message>
    <message>
        <location filename="../app/workbench/report.cpp" line="219"/>
        <source>Annotator B</source>
        <translation>アノテーター B</translation>
    </message>
    <message>
        <location filename="../app/workbench/report.cpp" line="219"/>
        <source>Items both labelled</source>
        <translation>両者がラベルを付けた項目</translation>
    </message>
    <message>
        <location filename="../app/workbench/report.cpp" line="219"/>
        <source>Cohen&apos;s κ</source>
        <translation>Cohen&apos;s κ</translation>
    </message>
    <message>
        <location filename="../app/workbench/report.cpp" line="227"/>
        <location filename="../app/workbench/report.cpp" line="241"/>
        <source>RRTF Workbench report</source>
        <translation>RRTF Workbench レポート</translation>
    </message>
    <message>
        <location filename="../app/workbench/report.cpp" line="228"/>
        <source>Workspace: %1</source>
        <translation>ワークスペース: %1</translation>
    </message>
    <message>
        <location filename="../app/workbench/report.cpp" line="229"/>
        <source>Written: %1</source>
        <translation>作成日時: %1</translation>
    </message>
    <message>
        <location filename="../app/workbench/report.cpp" line="230"/>
        <source>Engine: %1</source>
        <translation>エンジン: %1</translation>
    </message>
    <message>
        <location filename="../app/workbench/run_summaries.cpp" line="92"/>
        <source>done</source>
        <translation>完了</translation>
    </message>
    <message>
        <location filename="../app/workbench/run_summaries.cpp" line="92"/>
        <source>unfinished: start again to resume</source>
        <translation>未完了: もう一度開始すると再開します</translation>
    </message>
    <message>
        <location filename="../app/workbench/run_summaries.cpp" line="115"/>
        <source>Run %1</source>
        <translation>実行 %1</translation>
    </message>
    <message>
        <location filename="../app/workbench/shortcut_map.cpp" line="41"/>
        <source>find in the editor</source>
        <translation>エディター内を検索</translation>
    </message>
    <message>
        <location filename="../app/workbench/shortcut_map.cpp" line="42"/>
        <source>find next in the editor</source>
        <translation>エディター内で次を検索</translation>
    </message>
    <message>
        <location filename="../app/workbench/shortcut_map.cpp" line="43"/>
        <source>find previous in the editor</source>
        <translation>エディター内で前を検索</translation>
    </message>
    <message>
        <location filename="../app/workbench/shortcut_map.cpp" line="44"/>
        <location filename="../app/workbench/shortcut_map.cpp" line="45"/>
        <source>zoom in the editor</source>
        <translation>エディターを拡大</translation>
    </message>
    <message>
        <location filename="../app/workbench/shortcut_map.cpp" line="46"/>
        <source>zoom out the editor</source>
        <translation>エディターを縮小</translation>
    </message>
    <message>
        <location filename="../app/workbench/shortcut_map.cpp" line="47"/>
        <source>reset the editor&apos;s zoom</source>
        <translation>エディターのズームをリセット</translation>
    </message>
    <message>
        <location filename="../app/workbench/shortcut_map.cpp" line="50"/>
        <source>undo</source>
        <translation>元に戻す</translation>
    </message>
    <message>
        <location filename="../app/workbench/shortcut_map.cpp" line="51"/>
        <location filename="../app/workbench/shortcut_map.cpp" line="52"/>
        <source>redo</source>
        <translation>やり直し</translation>
    </message>
    <message>
        <location filename="../app/workbench/shortcut_map.cpp" line="53"/>
        <location filename="../app/workbench/shortcut_map.cpp" line="54"/>
        <source>cut</source>
        <translation>切り取り</translation>
    </message>
    <message>
        <location filename="../app/workbench/shortcut_map.cpp" line="55"/>
        <location filename="../app/workbench/shortcut_map.cpp" line="56"/>
        <source>copy</source>
        <translation>コピー</translation>
    </message>
    <message>
        <location filename="../app/workbench/shortcut_map.cpp" line="57"/>
        <location filename="../app/workbench/shortcut_map.cpp" line="58"/>
        <source>paste</source>
        <translation>貼り付け</translation>
    </message>
    <message>
        <location filename="../app/workbench/shortcut_map.cpp" line="59"/>
        <source>select all</source>
        <translation>すべて選択</translation>
    </message>
    <message>
        <location filename="../app/workbench/shortcut_map.cpp" line="60"/>
        <source>delete the previous word</source>
        <translation>前の単語を削除</translation>
    </message>
    <message>
        <location filename="../app/workbench/shortcut_map.cpp" line="61"/>
        <source>delete the next word</source>
        <translation>次の単語を削除</translation>
    </message>
    <message>
        <location filename="../app/workbench/shortcut_map.cpp" line="62"/>
        <source>delete the previous character</source>
        <translation>前の文字を削除</translation>
    </message>
    <message>
        <location filename="../app/workbench/shortcut_map.cpp" line="63"/>
        <source>delete the next character</source>
        <translation>次の文字を削除</translation>
    </message>
    <message>
        <location filename="../app/workbench/shortcut_map.cpp" line="64"/>
        <source>start a new line</source>
        <translation>改行</translation>
    </message>
    <message>
        <location filename="../app/workbench/shortcut_map.cpp" line="65"/>
        <source>indent</source>
        <translation>インデント</translation>
    </message>
    <message>
        <location filename="../app/workbench/shortcut_map.cpp" line="79"/>
        <source>%1 is given to both &quot;%2&quot; and &quot;%3&quot;.</source>
        <translation>%1 は「%2」と「%3」の両方に割り当てられています。</translation>
    </message>
    <message>
        <location filename="../app/workbench/shortcut_map.cpp" line="86"/>
        <source>%1 (&quot;%2&quot;) is the editor&apos;s key to %3.</source>
        <translation>%1（「%2」）はエディターで「%3」に使われるキーです。</translation>
    </message>
    <message>
        <location filename="../app/workbench/rankings_summary.cpp" line="18"/>
        <source>compile error</source>
        <translation>コンパイルエラー</translation>
    </message>
    <message>
        <location filename="../app/workbench/failure_label_text.cpp" line="22"/>
        <location filename="../app/workbench/rankings_summary.cpp" line="19"/>
        <source>runtime error</source>
        <translation>実行時エラー</translation>
    </message>
    <message>
        <location filename="../app/workbench/rankings_summary.cpp" line="20"/>
        <source>partial</source>
        <translation>一部合格</translation>
    </message>
    <message>
        <location filename="../app/workbench/rankings_summary.cpp" line="21"/>
        <source>all pass</source>
        <translation>全合格</translation>
    </message>
    <message>
        <location filename="../app/workbench/rankings_summary.cpp" line="22"/>
        <source>not ranked</source>
        <translation>未ランク</translation>
    </message>
    <message>
        <location filename="../app/workbench/rankings_summary.cpp" line="79"/>
        <source>Items: %1 · with pairs: %2 · left out: %3 · pairs trained on: %4 · pairs dropped: %5</source>
        <translation>項目: %1 · ペアあり: %2 · 除外: %3 · 学習に使うペア: %4 · 破棄されたペア: %5</translation>
    </message>
    <message>
        <location filename="../app/workbench/rankings_summary.cpp" line="85"/>
        <source>Teachers: %1</source>
        <translation>教師: %1</translation>
    </message>
    <message>
        <location filename="../app/workbench/rankings_summary.cpp" line="85"/>
        <location filename="../app/workbench/rankings_summary.cpp" line="86"/>
        <source>no answer</source>
        <translation>回答なし</translation>
    </message>
    <message>
        <location filename="../app/workbench/rankings_summary.cpp" line="86"/>
        <source>Students: %1</source>
        <translation>生徒: %1</translation>
    </message>
    <message>
        <location filename="../app/workbench/rankings_summary.cpp" line="91"/>
        <source>Left out: %1</source>
        <translation>除外: %1</translation>
    </message>
    <message>
        <location filename="../app/workbench/benchmark_runs.cpp" line="17"/>
        <source>greedy</source>
        <translation>貪欲法</translation>
    </message>
    <message>
        <location filename="../app/workbench/benchmark_runs.cpp" line="19"/>
        <source>side by side</source>
        <translation>並べて比較</translation>
    </message>
</context>
<context>
    <name>rrtf::AnswerPane</name>
    <message>
        <location filename="../app/workbench/answer_pane.cpp" line="65"/>
        <source>Greedy</source>
        <translation>貪欲法</translation>
    </message>
    <message>
        <location filename="../app/workbench/answer_pane.cpp" line="71"/>
        <source>Temperature</source>
        <translation>温度</translation>
    </message>
    <message>
        <location filename="../app/workbench/answer_pane.cpp" line="76"/>
        <source>Top-p</source>
        <translation>Top-p</translation>
    </message>
    <message>
        <location filename="../app/workbench/answer_pane.cpp" line="80"/>
        <source>Seed</source>
        <translation>シード</translation>
    </message>
    <message>
        <location filename="../app/workbench/answer_pane.cpp" line="84"/>
        <source>Maximum new tokens</source>
        <translation>最大新規トークン数</translation>
    </message>
    <message>
        <location filename="../app/workbench/answer_pane.cpp" line="86"/>
        <source>Stop sequences</source>
        <translation>停止シーケンス</translation>
    </message>
    <message>
        <location filename="../app/workbench/answer_pane.cpp" line="87"/>
        <source>Comma-separated; \n is a newline</source>
        <translation>カンマ区切り。\n は改行</translation>
    </message>
    <message>
        <location filename="../app/workbench/answer_pane.cpp" line="99"/>
        <source>T</source>
        <translation>T</translation>
    </message>
    <message>
        <location filename="../app/workbench/answer_pane.cpp" line="101"/>
        <source>top-p</source>
        <translation>top-p</translation>
    </message>
    <message>
        <location filename="../app/workbench/answer_pane.cpp" line="103"/>
        <source>Decoding</source>
        <translation>デコード</translation>
    </message>
    <message>
        <location filename="../app/workbench/answer_pane.cpp" line="105"/>
        <source>seed</source>
        <translation>シード</translation>
    </message>
    <message>
        <location filename="../app/workbench/answer_pane.cpp" line="107"/>
        <source>max tokens</source>
        <translation>最大トークン数</translation>
    </message>
    <message>
        <location filename="../app/workbench/answer_pane.cpp" line="109"/>
        <source>Limits</source>
        <translation>制限</translation>
    </message>
    <message>
        <location filename="../app/workbench/answer_pane.cpp" line="110"/>
        <source>Stop at</source>
        <translation>停止条件</translation>
    </message>
    <message>
        <location filename="../app/workbench/answer_pane.cpp" line="114"/>
        <source>Answer of %1</source>
        <translation>%1 の回答</translation>
    </message>
    <message>
        <location filename="../app/workbench/answer_pane.cpp" line="125"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../app/workbench/answer_pane.cpp" line="127"/>
        <source>Run tests</source>
        <translation>テストを実行</translation>
    </message>
    <message>
        <location filename="../app/workbench/answer_pane.cpp" line="129"/>
        <source>Record…</source>
        <translation>記録…</translation>
    </message>
    <message>
        <location filename="../app/workbench/answer_pane.cpp" line="130"/>
        <source>How to reproduce this answer: model, template, parameters, seed, versions</source>
        <translation>この回答を再現する方法: モデル、テンプレート、パラメーター、シード、バージョン</translation>
    </message>
    <message>
        <location filename="../app/workbench/answer_pane.cpp" line="189"/>
        <source>waiting for the first token…</source>
        <translation>最初のトークンを待っています…</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/workbench/answer_pane.cpp" line="211"/>
        <source>%n token(s)</source>
        <translation>
            <numerusform>%n トークン</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/workbench/answer_pane.cpp" line="229"/>
        <source>failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <location filename="../app/workbench/answer_pane.cpp" line="232"/>
        <source>%1 tokens · first token %2 ms · %3 tok/s · %4</source>
        <translation>%1 トークン · 最初のトークン %2 ms · %3 tok/s · %4</translation>
    </message>
    <message>
        <location filename="../app/workbench/answer_pane.cpp" line="242"/>
        <source>token limit</source>
        <translation>トークン上限</translation>
    </message>
    <message>
        <location filename="../app/workbench/answer_pane.cpp" line="244"/>
        <source>end of text</source>
        <translation>テキスト終端</translation>
    </message>
    <message>
        <location filename="../app/workbench/answer_pane.cpp" line="246"/>
        <source>stop sequence</source>
        <translation>停止シーケンス</translation>
    </message>
    <message>
        <location filename="../app/workbench/answer_pane.cpp" line="248"/>
        <source>cancelled</source>
        <translation>キャンセル済み</translation>
    </message>
    <message>
        <location filename="../app/workbench/answer_pane.cpp" line="250"/>
        <source>error</source>
        <translation>エラー</translation>
    </message>
    <message>
        <location filename="../app/workbench/answer_pane.cpp" line="267"/>
        <source>Run the problem&apos;s tests on this answer in the sandbox</source>
        <translation>サンドボックスでこの回答に対して問題のテストを実行</translation>
    </message>
    <message>
        <location filename="../app/workbench/answer_pane.cpp" line="294"/>
        <source>Reproducibility record — %1</source>
        <translation>再現性記録 — %1</translation>
    </message>
    <message>
        <location filename="../app/workbench/answer_pane.cpp" line="298"/>
        <source>Copy</source>
        <translation>コピー</translation>
    </message>
</context>
<context>
    <name>rrtf::AnswerTableModel</name>
    <message>
        <location filename="../app/workbench/answer_table_model.cpp" line="114"/>
        <source>Model</source>
        <translation>モデル</translation>
    </message>
    <message>
        <location filename="../app/workbench/answer_table_model.cpp" line="115"/>
        <source>Decoding</source>
        <translation>デコード</translation>
    </message>
    <message>
        <location filename="../app/workbench/answer_table_model.cpp" line="116"/>
        <source>Task</source>
        <translation>タスク</translation>
    </message>
    <message>
        <location filename="../app/workbench/answer_table_model.cpp" line="117"/>
        <source>Sample</source>
        <translation>サンプル</translation>
    </message>
    <message>
        <location filename="../app/workbench/answer_table_model.cpp" line="118"/>
        <source>Outcome</source>
        <translation>結果</translation>
    </message>
    <message>
        <location filename="../app/workbench/answer_table_model.cpp" line="119"/>
        <source>Tests</source>
        <translation>テスト</translation>
    </message>
    <message>
        <location filename="../app/workbench/answer_table_model.cpp" line="120"/>
        <source>Label</source>
        <translation>ラベル</translation>
    </message>
    <message>
        <location filename="../app/workbench/answer_table_model.cpp" line="121"/>
        <source>Note</source>
        <translation>メモ</translation>
    </message>
    <message>
        <location filename="../app/workbench/answer_table_model.cpp" line="386"/>
        <source>No workspace is open.</source>
        <translation>ワークスペースが開かれていません。</translation>
    </message>
    <message>
        <location filename="../app/workbench/answer_table_model.cpp" line="389"/>
        <source>Cannot write %1.</source>
        <translation>%1 に書き込めません。</translation>
    </message>
    <message>
        <location filename="../app/workbench/answer_table_model.cpp" line="390"/>
        <source>Cannot write %1: the disk may be full.</source>
        <translation>%1 に書き込めません。ディスクがいっぱいの可能性があります。</translation>
    </message>
</context>
<context>
    <name>rrtf::BenchmarkRunner</name>
    <message>
        <location filename="../app/workbench/benchmark_runner.cpp" line="67"/>
        <source>A benchmark is already running.</source>
        <translation>ベンチマークはすでに実行中です。</translation>
    </message>
    <message>
        <location filename="../app/workbench/benchmark_runner.cpp" line="69"/>
        <source>No workspace is open.</source>
        <translation>ワークスペースが開かれていません。</translation>
    </message>
    <message>
        <location filename="../app/workbench/benchmark_runner.cpp" line="71"/>
        <source>Open a problem set first.</source>
        <translation>先に問題セットを開いてください。</translation>
    </message>
    <message>
        <location filename="../app/workbench/benchmark_runner.cpp" line="73"/>
        <source>%1: %2 Its prompts can still be run side by side.</source>
        <translation>%1: %2 プロンプトは引き続き並べて実行できます。</translation>
    </message>
    <message>
        <location filename="../app/workbench/benchmark_runner.cpp" line="76"/>
        <source>Pick at least one model.</source>
        <translation>モデルを 1 つ以上選んでください。</translation>
    </message>
    <message>
        <location filename="../app/workbench/benchmark_runner.cpp" line="79"/>
        <source>%1 is not loaded.</source>
        <translation>%1 は読み込まれていません。</translation>
    </message>
    <message>
        <location filename="../app/workbench/benchmark_runner.cpp" line="131"/>
        <source>generating</source>
        <translation>生成中</translation>
    </message>
    <message>
        <location filename="../app/workbench/benchmark_runner.cpp" line="363"/>
        <source>cancelled</source>
        <translation>キャンセル済み</translation>
    </message>
    <message>
        <location filename="../app/workbench/benchmark_runner.cpp" line="363"/>
        <location filename="../app/workbench/benchmark_runner.cpp" line="373"/>
        <source>done</source>
        <translation>完了</translation>
    </message>
    <message>
        <location filename="../app/workbench/benchmark_runner.cpp" line="188"/>
        <location filename="../app/workbench/benchmark_runner.cpp" line="272"/>
        <location filename="../app/workbench/benchmark_runner.cpp" line="340"/>
        <source>failed: %1</source>
        <translation>失敗: %1</translation>
    </message>
</context>
<context>
    <name>rrtf::BenchmarkTableModel</name>
    <message>
        <location filename="../app/workbench/benchmark_view.cpp" line="49"/>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <location filename="../app/workbench/benchmark_view.cpp" line="55"/>
        <source>%1 tok/s</source>
        <translation>%1 tok/s</translation>
    </message>
    <message>
        <location filename="../app/workbench/benchmark_view.cpp" line="60"/>
        <source>%1 (%2, %3)</source>
        <translation>%1 (%2, %3)</translation>
    </message>
    <message>
        <location filename="../app/workbench/benchmark_view.cpp" line="73"/>
        <source>Model</source>
        <translation>モデル</translation>
    </message>
    <message>
        <location filename="../app/workbench/benchmark_view.cpp" line="74"/>
        <source>Decoding</source>
        <translation>デコード</translation>
    </message>
    <message>
        <location filename="../app/workbench/benchmark_view.cpp" line="75"/>
        <source>Judged</source>
        <translation>判定済み</translation>
    </message>
    <message>
        <location filename="../app/workbench/benchmark_view.cpp" line="76"/>
        <source>Passed</source>
        <translation>合格</translation>
    </message>
    <message>
        <location filename="../app/workbench/benchmark_view.cpp" line="77"/>
        <source>pass@1</source>
        <translation>pass@1</translation>
    </message>
    <message>
        <location filename="../app/workbench/benchmark_view.cpp" line="78"/>
        <source>pass@10</source>
        <translation>pass@10</translation>
    </message>
    <message>
        <location filename="../app/workbench/benchmark_view.cpp" line="79"/>
        <source>pass@100</source>
        <translation>pass@100</translation>
    </message>
    <message>
        <location filename="../app/workbench/benchmark_view.cpp" line="80"/>
        <source>Speed</source>
        <translation>速度</translation>
    </message>
    <message>
        <location filename="../app/workbench/benchmark_view.cpp" line="81"/>
        <source>Weights</source>
        <translation>重み</translation>
    </message>
    <message>
        <location filename="../app/workbench/benchmark_view.cpp" line="82"/>
        <source>Status</source>
        <translation>状態</translation>
    </message>
</context>
<context>
    <name>rrtf::BenchmarkView</name>
    <message>
        <location filename="../app/workbench/benchmark_view.cpp" line="110"/>
        <source>Models to benchmark</source>
        <translation>ベンチマーク対象のモデル</translation>
    </message>
    <message>
        <location filename="../app/workbench/benchmark_view.cpp" line="112"/>
        <source>Greedy (one answer per problem)</source>
        <translation>貪欲法（問題ごとに 1 回答）</translation>
    </message>
    <message>
        <location filename="../app/workbench/benchmark_view.cpp" line="142"/>
        <source>Samples per problem</source>
        <translation>問題ごとのサンプル数</translation>
    </message>
    <message>
        <location filename="../app/workbench/benchmark_view.cpp" line="143"/>
        <source>Temperature</source>
        <translation>温度</translation>
    </message>
    <message>
        <location filename="../app/workbench/benchmark_view.cpp" line="144"/>
        <source>Top-p</source>
        <translation>Top-p</translation>
    </message>
    <message>
        <location filename="../app/workbench/benchmark_view.cpp" line="145"/>
        <source>Max new tokens</source>
        <translation>最大新規トークン数</translation>
    </message>
    <message>
        <location filename="../app/workbench/benchmark_view.cpp" line="147"/>
        <source>Start or resume</source>
        <translation>開始または再開</translation>
    </message>
    <message>
        <location filename="../app/workbench/benchmark_view.cpp" line="149"/>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <location filename="../app/workbench/benchmark_view.cpp" line="157"/>
        <source>Benchmark results</source>
        <translation>ベンチマーク結果</translation>
    </message>
    <message>
        <location filename="../app/workbench/benchmark_view.cpp" line="253"/>
        <source>Benchmark</source>
        <translation>ベンチマーク</translation>
    </message>
    <message>
        <location filename="../app/workbench/benchmark_view.cpp" line="272"/>
        <source>%1 of %2 judged</source>
        <translation>%2 件中 %1 件判定済み</translation>
    </message>
    <message>
        <location filename="../app/workbench/benchmark_view.cpp" line="274"/>
        <source>estimating…</source>
        <translation>推定中…</translation>
    </message>
    <message>
        <location filename="../app/workbench/benchmark_view.cpp" line="276"/>
        <source>about %1 s left</source>
        <translation>残り約 %1 秒</translation>
    </message>
    <message>
        <location filename="../app/workbench/benchmark_view.cpp" line="288"/>
        <source>Could not read the stored runs: %1</source>
        <translation>保存済みの実行を読み込めませんでした: %1</translation>
    </message>
</context>
<context>
    <name>rrtf::CaseStudyView</name>
    <message>
        <location filename="../app/workbench/case_study_view.cpp" line="46"/>
        <source>No benchmark runs</source>
        <translation>ベンチマーク実行がありません</translation>
    </message>
    <message>
        <location filename="../app/workbench/case_study_view.cpp" line="49"/>
        <source>Benchmark runs on one problem set with one decoding</source>
        <translation>同じ問題セット・同じデコードでのベンチマーク実行</translation>
    </message>
    <message>
        <location filename="../app/workbench/case_study_view.cpp" line="53"/>
        <source>Any sample passes</source>
        <translation>いずれかのサンプルが合格</translation>
    </message>
    <message>
        <location filename="../app/workbench/case_study_view.cpp" line="54"/>
        <source>Majority of samples pass</source>
        <translation>過半数のサンプルが合格</translation>
    </message>
    <message>
        <location filename="../app/workbench/case_study_view.cpp" line="55"/>
        <source>All samples pass</source>
        <translation>すべてのサンプルが合格</translation>
    </message>
    <message>
        <location filename="../app/workbench/case_study_view.cpp" line="56"/>
        <source>When a model counts as solving a problem it answered several times</source>
        <translation>複数回回答した問題を、モデルが解決したとみなす条件</translation>
    </message>
    <message>
        <location filename="../app/workbench/case_study_view.cpp" line="58"/>
        <source>UpSet plot</source>
        <translation>UpSet プロット</translation>
    </message>
    <message>
        <location filename="../app/workbench/case_study_view.cpp" line="61"/>
        <source>Reload</source>
        <translation>再読み込み</translation>
    </message>
    <message>
        <location filename="../app/workbench/case_study_view.cpp" line="62"/>
        <source>Read the workspace&apos;s benchmark runs again</source>
        <translation>ワークスペースのベンチマーク実行を読み込み直す</translation>
    </message>
    <message>
        <location filename="../app/workbench/case_study_view.cpp" line="65"/>
        <source>&amp;Runs:</source>
        <translation>実行(&amp;R):</translation>
    </message>
    <message>
        <location filename="../app/workbench/case_study_view.cpp" line="67"/>
        <source>&amp;Solved when:</source>
        <translation>解決条件(&amp;S):</translation>
    </message>
    <message>
        <location filename="../app/workbench/case_study_view.cpp" line="117"/>
        <source>Problems by disagreement</source>
        <translation>不一致度順の問題</translation>
    </message>
    <message>
        <location filename="../app/workbench/case_study_view.cpp" line="118"/>
        <source>McNemar&apos;s test</source>
        <translation>McNemar 検定</translation>
    </message>
    <message>
        <location filename="../app/workbench/case_study_view.cpp" line="174"/>
        <source>Could not read the benchmark runs: %1</source>
        <translation>ベンチマーク実行を読み込めませんでした: %1</translation>
    </message>
    <message>
        <location filename="../app/workbench/case_study_view.cpp" line="183"/>
        <source>Unknown problem set</source>
        <translation>不明な問題セット</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/workbench/case_study_view.cpp" line="184"/>
        <source>%1 · %2 (%n model(s))</source>
        <translation>
            <numerusform>%1 · %2（%n モデル）</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/workbench/case_study_view.cpp" line="225"/>
        <source>Could not read the verdicts: %1</source>
        <translation>判定結果を読み込めませんでした: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/workbench/case_study_view.cpp" line="228"/>
        <source>%n problem(s) judged</source>
        <translation>
            <numerusform>%n 問を判定済み</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/workbench/case_study_view.cpp" line="230"/>
        <source>(%n sandbox error(s) left out)</source>
        <translation>
            <numerusform>（サンドボックスエラー %n 件を除外）</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/workbench/case_study_view.cpp" line="254"/>
        <source>Could not compare the models: %1</source>
        <translation>モデルを比較できませんでした: %1</translation>
    </message>
    <message>
        <location filename="../app/workbench/case_study_view.cpp" line="276"/>
        <source>More than three models are always shown as an UpSet plot</source>
        <translation>3 つを超えるモデルは常に UpSet プロットで表示されます</translation>
    </message>
    <message>
        <location filename="../app/workbench/case_study_view.cpp" line="277"/>
        <source>Show the regions as bars instead of a Venn diagram</source>
        <translation>ベン図の代わりに棒グラフで各領域を表示</translation>
    </message>
    <message>
        <location filename="../app/workbench/case_study_view.cpp" line="286"/>
        <source>Click a region to list its problems.</source>
        <translation>領域をクリックすると、その問題が一覧表示されます。</translation>
    </message>
</context>
<context>
    <name>rrtf::CodeEditor</name>
    <message>
        <location filename="../widgets/code_editor.cpp" line="86"/>
        <source>Code editor</source>
        <translation>コードエディター</translation>
    </message>
</context>
<context>
    <name>rrtf::CompareView</name>
    <message>
        <location filename="../app/workbench/compare_view.cpp" line="42"/>
        <source>Synchronised scrolling</source>
        <translation>スクロールを同期</translation>
    </message>
    <message>
        <location filename="../app/workbench/compare_view.cpp" line="209"/>
        <source>This prompt has no tests: pick a problem from the problem list.</source>
        <translation>このプロンプトにはテストがありません。問題リストから問題を選んでください。</translation>
    </message>
    <message>
        <location filename="../app/workbench/compare_view.cpp" line="226"/>
        <source>Difference between two answers</source>
        <translation>2 つの回答の差分</translation>
    </message>
</context>
<context>
    <name>rrtf::DemoTour</name>
    <message>
        <location filename="../app/workbench/demo_tour.cpp" line="55"/>
        <source>Demo stopped: %1 did not load (see its row in Models)</source>
        <translation>デモを中止しました: %1 を読み込めませんでした（「モデル」のその行を参照してください）</translation>
    </message>
    <message>
        <location filename="../app/workbench/demo_tour.cpp" line="65"/>
        <source>Demo: the three models answer %1 side by side…</source>
        <translation>デモ: 3 つのモデルが %1 に並べて回答しています…</translation>
    </message>
    <message>
        <location filename="../app/workbench/demo_tour.cpp" line="89"/>
        <source>Demo: benchmarking the three models on the demo problems (Benchmark tab; under a minute)…</source>
        <translation>デモ: デモ問題で 3 つのモデルをベンチマークしています（「ベンチマーク」タブ、1 分以内）…</translation>
    </message>
    <message>
        <location filename="../app/workbench/demo_tour.cpp" line="103"/>
        <source>Demo ready: see the leaderboard, the case study and the base model&apos;s failures in the inspector</source>
        <translation>デモの準備完了: リーダーボード、ケーススタディ、インスペクターでベースモデルの失敗をご覧ください</translation>
    </message>
</context>
<context>
    <name>rrtf::DisagreementModel</name>
    <message>
        <location filename="../app/workbench/case_study_models.cpp" line="119"/>
        <source>Variance of the models&apos; pass fractions (mean %1)</source>
        <translation>モデルの合格率の分散（平均 %1）</translation>
    </message>
    <message>
        <location filename="../app/workbench/case_study_models.cpp" line="144"/>
        <source>Task</source>
        <translation>タスク</translation>
    </message>
    <message>
        <location filename="../app/workbench/case_study_models.cpp" line="146"/>
        <source>Disagreement</source>
        <translation>不一致度</translation>
    </message>
</context>
<context>
    <name>rrtf::FindBar</name>
    <message>
        <location filename="../widgets/find_bar.cpp" line="18"/>
        <source>Find</source>
        <translation>検索</translation>
    </message>
    <message>
        <location filename="../widgets/find_bar.cpp" line="19"/>
        <source>Find text</source>
        <translation>検索テキスト</translation>
    </message>
    <message>
        <location filename="../widgets/find_bar.cpp" line="21"/>
        <source>Match case</source>
        <translation>大文字と小文字を区別</translation>
    </message>
    <message>
        <location filename="../widgets/find_bar.cpp" line="22"/>
        <source>Regular expression</source>
        <translation>正規表現</translation>
    </message>
    <message>
        <location filename="../widgets/find_bar.cpp" line="23"/>
        <source>Previous</source>
        <translation>前へ</translation>
    </message>
    <message>
        <location filename="../widgets/find_bar.cpp" line="24"/>
        <source>Next</source>
        <translation>次へ</translation>
    </message>
    <message>
        <location filename="../widgets/find_bar.cpp" line="27"/>
        <source>Close the find bar</source>
        <translation>検索バーを閉じる</translation>
    </message>
    <message>
        <location filename="../widgets/find_bar.cpp" line="28"/>
        <source>Close (Escape)</source>
        <translation>閉じる (Escape)</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/find_bar.cpp" line="70"/>
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n 件一致</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/find_bar.cpp" line="70"/>
        <source>Not found</source>
        <translation>見つかりません</translation>
    </message>
</context>
<context>
    <name>rrtf::InspectorView</name>
    <message>
        <location filename="../app/workbench/inspector_view.cpp" line="59"/>
        <source>Cannot save the annotation</source>
        <translation>アノテーションを保存できません</translation>
    </message>
    <message>
        <location filename="../app/workbench/inspector_view.cpp" line="78"/>
        <source>Answers</source>
        <translation>回答</translation>
    </message>
    <message>
        <location filename="../app/workbench/inspector_view.cpp" line="79"/>
        <source>A label&apos;s key labels the selected answer and moves to the next; Backspace clears the label</source>
        <translation>ラベルのキーを押すと選択中の回答にラベルを付けて次へ移動します。Backspace でラベルを消去します</translation>
    </message>
    <message>
        <location filename="../app/workbench/inspector_view.cpp" line="85"/>
        <source>Failure labels</source>
        <translation>失敗ラベル</translation>
    </message>
    <message>
        <location filename="../app/workbench/inspector_view.cpp" line="88"/>
        <source>Label:</source>
        <translation>ラベル:</translation>
    </message>
    <message>
        <location filename="../app/workbench/inspector_view.cpp" line="90"/>
        <source>Clear label</source>
        <translation>ラベルを消去</translation>
    </message>
    <message>
        <location filename="../app/workbench/inspector_view.cpp" line="91"/>
        <source>Clear the label (Backspace in the table)</source>
        <translation>ラベルを消去（表では Backspace）</translation>
    </message>
    <message>
        <location filename="../app/workbench/inspector_view.cpp" line="95"/>
        <source>Note on this answer (saved on leaving the field or with Ctrl+Return)</source>
        <translation>この回答のメモ（フィールドを離れるか Ctrl+Return で保存）</translation>
    </message>
    <message>
        <location filename="../app/workbench/inspector_view.cpp" line="96"/>
        <source>Note</source>
        <translation>メモ</translation>
    </message>
    <message>
        <location filename="../app/workbench/inspector_view.cpp" line="102"/>
        <source>Your name</source>
        <translation>あなたの名前</translation>
    </message>
    <message>
        <location filename="../app/workbench/inspector_view.cpp" line="103"/>
        <location filename="../app/workbench/inspector_view.cpp" line="108"/>
        <source>Annotator</source>
        <translation>アノテーター</translation>
    </message>
    <message>
        <location filename="../app/workbench/inspector_view.cpp" line="112"/>
        <source>Taxonomy…</source>
        <translation>分類体系…</translation>
    </message>
    <message>
        <location filename="../app/workbench/inspector_view.cpp" line="113"/>
        <source>Agreement…</source>
        <translation>一致度…</translation>
    </message>
    <message>
        <location filename="../app/workbench/inspector_view.cpp" line="114"/>
        <source>Export CSV…</source>
        <translation>CSV をエクスポート…</translation>
    </message>
    <message>
        <location filename="../app/workbench/inspector_view.cpp" line="115"/>
        <source>Export JSONL…</source>
        <translation>JSONL をエクスポート…</translation>
    </message>
    <message>
        <location filename="../app/workbench/inspector_view.cpp" line="160"/>
        <source>Model filter</source>
        <translation>モデルフィルター</translation>
    </message>
    <message>
        <location filename="../app/workbench/inspector_view.cpp" line="162"/>
        <source>Outcome filter</source>
        <translation>結果フィルター</translation>
    </message>
    <message>
        <location filename="../app/workbench/inspector_view.cpp" line="164"/>
        <source>Label filter</source>
        <translation>ラベルフィルター</translation>
    </message>
    <message>
        <location filename="../app/workbench/inspector_view.cpp" line="167"/>
        <source>Search task, answer and traceback (Ctrl+F)</source>
        <translation>タスク、回答、トレースバックを検索 (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../app/workbench/inspector_view.cpp" line="169"/>
        <source>Search</source>
        <translation>検索</translation>
    </message>
    <message>
        <location filename="../app/workbench/inspector_view.cpp" line="190"/>
        <location filename="../app/workbench/inspector_view.cpp" line="204"/>
        <source>Prompt</source>
        <translation>プロンプト</translation>
    </message>
    <message>
        <location filename="../app/workbench/inspector_view.cpp" line="193"/>
        <location filename="../app/workbench/inspector_view.cpp" line="205"/>
        <source>Tests</source>
        <translation>テスト</translation>
    </message>
    <message>
        <location filename="../app/workbench/inspector_view.cpp" line="197"/>
        <source>Answer</source>
        <translation>回答</translation>
    </message>
    <message>
        <location filename="../app/workbench/inspector_view.cpp" line="201"/>
        <source>Verdict detail and traceback</source>
        <translation>判定の詳細とトレースバック</translation>
    </message>
    <message>
        <location filename="../app/workbench/inspector_view.cpp" line="241"/>
        <location filename="../app/workbench/inspector_view.cpp" line="256"/>
        <source>Cannot read the workspace</source>
        <translation>ワークスペースを読み込めません</translation>
    </message>
    <message>
        <location filename="../app/workbench/inspector_view.cpp" line="281"/>
        <location filename="../app/workbench/inspector_view.cpp" line="604"/>
        <source>Cannot read the annotations</source>
        <translation>アノテーションを読み込めません</translation>
    </message>
    <message>
        <location filename="../app/workbench/inspector_view.cpp" line="305"/>
        <source>All failures</source>
        <translation>すべての失敗</translation>
    </message>
    <message>
        <location filename="../app/workbench/inspector_view.cpp" line="308"/>
        <source>(unlabelled)</source>
        <translation>（ラベルなし）</translation>
    </message>
    <message>
        <location filename="../app/workbench/inspector_view.cpp" line="311"/>
        <source>All models</source>
        <translation>すべてのモデル</translation>
    </message>
    <message>
        <location filename="../app/workbench/inspector_view.cpp" line="312"/>
        <source>All outcomes</source>
        <translation>すべての結果</translation>
    </message>
    <message>
        <location filename="../app/workbench/inspector_view.cpp" line="313"/>
        <source>All labels</source>
        <translation>すべてのラベル</translation>
    </message>
    <message>
        <location filename="../app/workbench/inspector_view.cpp" line="401"/>
        <source>%1 · %2 · %3 · sample %4</source>
        <translation>%1 · %2 · %3 · サンプル %4</translation>
    </message>
    <message>
        <location filename="../app/workbench/inspector_view.cpp" line="412"/>
        <source>Standard error:</source>
        <translation>標準エラー:</translation>
    </message>
    <message>
        <location filename="../app/workbench/inspector_view.cpp" line="414"/>
        <source>Standard output:</source>
        <translation>標準出力:</translation>
    </message>
    <message>
        <location filename="../app/workbench/inspector_view.cpp" line="445"/>
        <source>%1 is not in %2</source>
        <translation>%1 は %2 にありません</translation>
    </message>
    <message>
        <location filename="../app/workbench/inspector_view.cpp" line="446"/>
        <source>Cannot read the problem set: %1</source>
        <translation>問題セットを読み込めません: %1</translation>
    </message>
    <message>
        <location filename="../app/workbench/inspector_view.cpp" line="467"/>
        <source>No annotator</source>
        <translation>アノテーター未設定</translation>
    </message>
    <message>
        <location filename="../app/workbench/inspector_view.cpp" line="467"/>
        <source>Enter your name as annotator before labelling.</source>
        <translation>ラベルを付ける前に、アノテーターとして名前を入力してください。</translation>
    </message>
    <message>
        <location filename="../app/workbench/inspector_view.cpp" line="478"/>
        <source>Cannot save the label</source>
        <translation>ラベルを保存できません</translation>
    </message>
    <message>
        <location filename="../app/workbench/inspector_view.cpp" line="491"/>
        <source>Cannot save the note</source>
        <translation>メモを保存できません</translation>
    </message>
    <message>
        <location filename="../app/workbench/inspector_view.cpp" line="549"/>
        <source>Agreement needs labels from at least two annotators.</source>
        <translation>一致度の計算には、2 人以上のアノテーターのラベルが必要です。</translation>
    </message>
    <message>
        <location filename="../app/workbench/inspector_view.cpp" line="556"/>
        <source>%1: no answer labelled by both</source>
        <translation>%1: 両者がラベルを付けた回答がありません</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/workbench/inspector_view.cpp" line="558"/>
        <source>%1: κ undefined over %n answer(s) (both used one label throughout)</source>
        <translation>
            <numerusform>%1: %n 件の回答で κ を定義できません（両者とも一貫して 1 つのラベルのみを使用）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/workbench/inspector_view.cpp" line="560"/>
        <source>%1: κ = %2 over %n answer(s) (observed %3, chance %4)</source>
        <translation>
            <numerusform>%1: %n 件の回答で κ = %2（観測一致率 %3、偶然一致率 %4）</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/workbench/inspector_view.cpp" line="576"/>
        <source>Cannot compute the agreement</source>
        <translation>一致度を計算できません</translation>
    </message>
    <message>
        <location filename="../app/workbench/inspector_view.cpp" line="577"/>
        <source>Annotator agreement (Cohen&apos;s κ)</source>
        <translation>アノテーター間一致度（Cohen&apos;s κ）</translation>
    </message>
    <message>
        <location filename="../app/workbench/inspector_view.cpp" line="585"/>
        <source>Export annotations as CSV</source>
        <translation>アノテーションを CSV としてエクスポート</translation>
    </message>
    <message>
        <location filename="../app/workbench/inspector_view.cpp" line="585"/>
        <source>Export annotations as JSONL</source>
        <translation>アノテーションを JSONL としてエクスポート</translation>
    </message>
    <message>
        <location filename="../app/workbench/inspector_view.cpp" line="587"/>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV ファイル (*.csv);;すべてのファイル (*)</translation>
    </message>
    <message>
        <location filename="../app/workbench/inspector_view.cpp" line="587"/>
        <source>JSON Lines files (*.jsonl);;All files (*)</source>
        <translation>JSON Lines ファイル (*.jsonl);;すべてのファイル (*)</translation>
    </message>
    <message>
        <location filename="../app/workbench/inspector_view.cpp" line="63"/>
        <location filename="../app/workbench/inspector_view.cpp" line="590"/>
        <source>Export failed</source>
        <translation>エクスポートに失敗しました</translation>
    </message>
</context>
<context>
    <name>rrtf::MainWindow</name>
    <message>
        <location filename="../app/workbench/main.cpp" line="44"/>
        <location filename="../app/workbench/main_window.cpp" line="54"/>
        <source>RRTF Workbench</source>
        <translation>RRTF ワークベンチ</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="80"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="121"/>
        <source>Prompt</source>
        <translation>プロンプト</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="122"/>
        <location filename="../app/workbench/main_window.cpp" line="432"/>
        <source>Free prompt (no tests)</source>
        <translation>自由プロンプト（テストなし）</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="123"/>
        <source>Run all</source>
        <translation>すべて実行</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="124"/>
        <source>Generate an answer in every pane (Ctrl+Return)</source>
        <translation>すべてのペインで回答を生成 (Ctrl+Return)</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="125"/>
        <source>Stop all</source>
        <translation>すべて停止</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="126"/>
        <source>Run tests</source>
        <translation>テストを実行</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="127"/>
        <source>Diff…</source>
        <translation>差分…</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="159"/>
        <source>Side by side</source>
        <translation>並べて比較</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="174"/>
        <location filename="../app/workbench/main_window.cpp" line="193"/>
        <source>Models</source>
        <translation>モデル</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="175"/>
        <source>Add…</source>
        <translation>追加…</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="176"/>
        <source>Remove</source>
        <translation>削除</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="177"/>
        <source>Load</source>
        <translation>読み込み</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="178"/>
        <source>Unload</source>
        <translation>アンロード</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="179"/>
        <source>Template…</source>
        <translation>テンプレート…</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="180"/>
        <source>Show and edit the prompt template of the selected model</source>
        <translation>選択したモデルのプロンプトテンプレートを表示・編集</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="200"/>
        <location filename="../app/workbench/main_window.cpp" line="203"/>
        <source>Problems</source>
        <translation>問題</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="212"/>
        <source>Benchmark</source>
        <translation>ベンチマーク</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="215"/>
        <source>Case study</source>
        <translation>ケーススタディ</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="224"/>
        <source>Failure inspector</source>
        <translation>失敗インスペクター</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="233"/>
        <source>Training</source>
        <translation>学習</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="255"/>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="256"/>
        <source>Open &amp;Problem Set…</source>
        <translation>問題セットを開く(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="257"/>
        <source>Open a problem set</source>
        <translation>問題セットを開く</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="258"/>
        <source>Problem sets (*.jsonl *.jsonl.gz *.json)</source>
        <translation>問題セット (*.jsonl *.jsonl.gz *.json)</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="262"/>
        <source>Open &amp;Workspace…</source>
        <translation>ワークスペースを開く(&amp;W)…</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="263"/>
        <source>Open or create a workspace</source>
        <translation>ワークスペースを開くまたは作成</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="264"/>
        <source>Workspaces (*.sqlite)</source>
        <translation>ワークスペース (*.sqlite)</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="269"/>
        <source>&amp;Recent Workspaces</source>
        <translation>最近のワークスペース(&amp;R)</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="270"/>
        <source>Open &amp;Rankings…</source>
        <translation>ランキングを開く(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="271"/>
        <source>Open rankings</source>
        <translation>ランキングを開く</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="272"/>
        <source>Rankings (*.jsonl);;All files (*)</source>
        <translation>ランキング (*.jsonl);;すべてのファイル (*)</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="276"/>
        <source>&amp;Add Model…</source>
        <translation>モデルを追加(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="277"/>
        <source>&amp;Export Report…</source>
        <translation>レポートをエクスポート(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="278"/>
        <location filename="../app/workbench/main_window.cpp" line="569"/>
        <source>Export a report</source>
        <translation>レポートをエクスポート</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="279"/>
        <source>HTML (*.html);;Markdown (*.md)</source>
        <translation>HTML (*.html);;Markdown (*.md)</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="284"/>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="286"/>
        <source>&amp;Edit</source>
        <translation>編集(&amp;E)</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="289"/>
        <source>&amp;Find in Prompt…</source>
        <translation>プロンプト内を検索(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="290"/>
        <source>Find &amp;Next</source>
        <translation>次を検索(&amp;N)</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="291"/>
        <source>Find &amp;Previous</source>
        <translation>前を検索(&amp;P)</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="293"/>
        <source>&amp;Keyboard Shortcuts…</source>
        <translation>キーボードショートカット(&amp;K)…</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="296"/>
        <source>&amp;Run</source>
        <translation>実行(&amp;R)</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="297"/>
        <source>Run &amp;All</source>
        <translation>すべて実行(&amp;A)</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="299"/>
        <source>&amp;Stop All</source>
        <translation>すべて停止(&amp;S)</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="301"/>
        <source>Run &amp;Tests</source>
        <translation>テストを実行(&amp;T)</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="303"/>
        <source>&amp;Diff Two Answers…</source>
        <translation>2 つの回答を比較(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="306"/>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="315"/>
        <source>&amp;Theme</source>
        <translation>テーマ(&amp;T)</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="316"/>
        <source>&amp;Reset Layout</source>
        <translation>レイアウトをリセット(&amp;R)</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="318"/>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="319"/>
        <source>&amp;About RRTF Workbench</source>
        <translation>RRTF Workbench について(&amp;A)</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="320"/>
        <source>About RRTF Workbench</source>
        <translation>RRTF Workbench について</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="321"/>
        <source>&lt;b&gt;RRTF Workbench %1&lt;/b&gt;&lt;p&gt;Compare StarCoder-family models side by side, judge their answers in a sandbox, and train them with RRTF.&lt;/p&gt;</source>
        <translation>&lt;b&gt;RRTF Workbench %1&lt;/b&gt;&lt;p&gt;StarCoder 系モデルを並べて比較し、サンドボックスで回答を判定し、RRTF で学習させます。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="336"/>
        <source>Cannot read the demo pack: %1</source>
        <translation>デモパックを読み込めません: %1</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="346"/>
        <source>Demo: three small models trained by this program&apos;s own RRTF pipeline</source>
        <translation>デモ: このプログラム自身の RRTF パイプラインで学習した 3 つの小さなモデル</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="604"/>
        <source>A benchmark is running. Close the window anyway? The answers judged so far are kept, and Start resumes the run next time.</source>
        <translation>ベンチマークを実行中です。それでもウィンドウを閉じますか？これまでに判定した回答は保持され、次回「開始または再開」で実行を再開できます。</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="355"/>
        <source>Cannot open the last problem set: %1</source>
        <translation>前回の問題セットを開けません: %1</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="372"/>
        <source>Cannot open the problem set</source>
        <translation>問題セットを開けません</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="400"/>
        <source>Problem %1</source>
        <translation>問題 %1</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="414"/>
        <source>%1 is not in the open problem set</source>
        <translation>%1 は開いている問題セットにありません</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="435"/>
        <source>No model is loaded: load one in the Models panel.</source>
        <translation>モデルが読み込まれていません。「モデル」パネルで読み込んでください。</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="453"/>
        <location filename="../app/workbench/main_window.cpp" line="603"/>
        <source>Benchmark running</source>
        <translation>ベンチマーク実行中</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="453"/>
        <source>Cancel the benchmark before opening another workspace.</source>
        <translation>別のワークスペースを開く前にベンチマークをキャンセルしてください。</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="466"/>
        <source>RRTF Workbench — %1</source>
        <translation>RRTF ワークベンチ — %1</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="469"/>
        <source>Cannot open the workspace</source>
        <translation>ワークスペースを開けません</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="484"/>
        <source>Hugging Face model folder</source>
        <translation>Hugging Face モデルフォルダー</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="505"/>
        <source>Cancel the benchmark before removing a model.</source>
        <translation>モデルを削除する前にベンチマークをキャンセルしてください。</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="516"/>
        <source>Select a model first.</source>
        <translation>先にモデルを選んでください。</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="542"/>
        <source>Follow the &amp;System</source>
        <translation>システムに従う(&amp;S)</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="542"/>
        <source>&amp;Light</source>
        <translation>ライト(&amp;L)</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="542"/>
        <source>&amp;Dark</source>
        <translation>ダーク(&amp;D)</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="563"/>
        <source>No workspace is open.</source>
        <translation>ワークスペースが開かれていません。</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="572"/>
        <source>Report written to %1</source>
        <translation>レポートを %1 に書き込みました</translation>
    </message>
</context>
<context>
    <name>rrtf::McNemarModel</name>
    <message>
        <location filename="../app/workbench/case_study_models.cpp" line="204"/>
        <location filename="../app/workbench/case_study_models.cpp" line="205"/>
        <source>Solved by %1, not by %2</source>
        <translation>%1 は解決、%2 は未解決</translation>
    </message>
    <message>
        <location filename="../app/workbench/case_study_models.cpp" line="214"/>
        <source>Exact two-sided binomial test of the discordant problems (both solved: %1, neither: %2)</source>
        <translation>不一致な問題に対する正確な両側二項検定（両方解決: %1、どちらも未解決: %2）</translation>
    </message>
    <message>
        <location filename="../app/workbench/case_study_models.cpp" line="224"/>
        <source>Continuity-corrected chi-square, (|b − c| − 1)² / (b + c)</source>
        <translation>連続性補正カイ二乗、(|b − c| − 1)² / (b + c)</translation>
    </message>
    <message>
        <location filename="../app/workbench/case_study_models.cpp" line="238"/>
        <source>Model A</source>
        <translation>モデル A</translation>
    </message>
    <message>
        <location filename="../app/workbench/case_study_models.cpp" line="239"/>
        <source>Model B</source>
        <translation>モデル B</translation>
    </message>
    <message>
        <location filename="../app/workbench/case_study_models.cpp" line="240"/>
        <source>Only A</source>
        <translation>A のみ</translation>
    </message>
    <message>
        <location filename="../app/workbench/case_study_models.cpp" line="241"/>
        <source>Only B</source>
        <translation>B のみ</translation>
    </message>
    <message>
        <location filename="../app/workbench/case_study_models.cpp" line="242"/>
        <source>p-value</source>
        <translation>p 値</translation>
    </message>
    <message>
        <location filename="../app/workbench/case_study_models.cpp" line="243"/>
        <source>χ² (corrected)</source>
        <translation>χ²（補正済み）</translation>
    </message>
</context>
<context>
    <name>rrtf::ModelHost</name>
    <message>
        <location filename="../app/workbench/model_host.cpp" line="82"/>
        <source>Reading the checkpoint</source>
        <translation>チェックポイントを読み込んでいます</translation>
    </message>
    <message>
        <location filename="../app/workbench/model_host.cpp" line="93"/>
        <source>Reading the weights</source>
        <translation>重みを読み込んでいます</translation>
    </message>
    <message>
        <location filename="../app/workbench/model_host.cpp" line="99"/>
        <source>Reading the tokenizer</source>
        <translation>トークナイザーを読み込んでいます</translation>
    </message>
    <message>
        <location filename="../app/workbench/model_host.cpp" line="103"/>
        <source>Fingerprinting</source>
        <translation>フィンガープリントを計算中</translation>
    </message>
    <message>
        <location filename="../app/workbench/model_host.cpp" line="114"/>
        <source>Ready</source>
        <translation>準備完了</translation>
    </message>
    <message>
        <location filename="../app/workbench/model_host.cpp" line="140"/>
        <source>The model is not loaded.</source>
        <translation>モデルが読み込まれていません。</translation>
    </message>
</context>
<context>
    <name>rrtf::ModelListModel</name>
    <message>
        <location filename="../app/workbench/model_list_model.cpp" line="15"/>
        <source>not loaded</source>
        <translation>未読み込み</translation>
    </message>
    <message>
        <location filename="../app/workbench/model_list_model.cpp" line="16"/>
        <source>loading</source>
        <translation>読み込み中</translation>
    </message>
    <message>
        <location filename="../app/workbench/model_list_model.cpp" line="17"/>
        <source>loaded</source>
        <translation>読み込み済み</translation>
    </message>
    <message>
        <location filename="../app/workbench/model_list_model.cpp" line="18"/>
        <source>failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <location filename="../app/workbench/model_list_model.cpp" line="74"/>
        <source>%1 (%2%)</source>
        <translation>%1 (%2%)</translation>
    </message>
    <message>
        <location filename="../app/workbench/model_list_model.cpp" line="83"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location filename="../app/workbench/model_list_model.cpp" line="94"/>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <location filename="../app/workbench/model_list_model.cpp" line="95"/>
        <source>Checkpoint folder</source>
        <translation>チェックポイントフォルダー</translation>
    </message>
    <message>
        <location filename="../app/workbench/model_list_model.cpp" line="96"/>
        <source>Device</source>
        <translation>デバイス</translation>
    </message>
    <message>
        <location filename="../app/workbench/model_list_model.cpp" line="97"/>
        <source>Precision</source>
        <translation>精度</translation>
    </message>
    <message>
        <location filename="../app/workbench/model_list_model.cpp" line="98"/>
        <source>Template</source>
        <translation>テンプレート</translation>
    </message>
    <message>
        <location filename="../app/workbench/model_list_model.cpp" line="99"/>
        <source>State</source>
        <translation>状態</translation>
    </message>
    <message>
        <location filename="../app/workbench/model_list_model.cpp" line="100"/>
        <source>Memory</source>
        <translation>メモリ</translation>
    </message>
    <message>
        <location filename="../app/workbench/model_list_model.cpp" line="178"/>
        <source>float32, bfloat16 and float16 compute in that type; int8 and int4 quantise the weights at load (int4: 4 bits in groups of 128). A GPTQ folder loads quantised whatever is picked here.</source>
        <translation>float32・bfloat16・float16 はその型で計算します。int8 と int4 は読み込み時に重みを量子化します（int4：128 個ごとのグループで 4 ビット）。GPTQ フォルダーはここで何を選んでも量子化されたまま読み込まれます。</translation>
    </message>
    <message>
        <location filename="../app/workbench/model_list_model.cpp" line="181"/>
        <source>The weights take %1 in memory, held as %2.</source>
        <translation>重みはメモリ上で %1 を占め、%2 として保持されています。</translation>
    </message>
    <message>
        <location filename="../app/workbench/model_list_model.cpp" line="312"/>
        <source>Waiting</source>
        <translation>待機中</translation>
    </message>
    <message>
        <location filename="../app/workbench/model_list_model.cpp" line="328"/>
        <source>Cancelling</source>
        <translation>キャンセル中</translation>
    </message>
</context>
<context>
    <name>rrtf::ModelPrompt</name>
    <message>
        <location filename="../app/workbench/model_prompt.cpp" line="48"/>
        <source>A template must contain {instruction}: that is where the prompt goes.</source>
        <translation>テンプレートには {instruction} を含める必要があります。プロンプトはその位置に入ります。</translation>
    </message>
</context>
<context>
    <name>rrtf::OutcomeBadge</name>
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
    <name>rrtf::ProblemListModel</name>
    <message>
        <location filename="../app/workbench/problem_list_model.cpp" line="11"/>
        <source>CoderEval ships its prompts only: there are no tests to judge its answers by.</source>
        <translation>CoderEval はプロンプトのみを提供します。回答を判定するテストはありません。</translation>
    </message>
    <message>
        <location filename="../app/workbench/problem_list_model.cpp" line="17"/>
        <source>Easy</source>
        <translation>簡単</translation>
    </message>
    <message>
        <location filename="../app/workbench/problem_list_model.cpp" line="19"/>
        <source>Medium</source>
        <translation>普通</translation>
    </message>
    <message>
        <location filename="../app/workbench/problem_list_model.cpp" line="21"/>
        <source>Hard</source>
        <translation>難しい</translation>
    </message>
    <message>
        <location filename="../app/workbench/problem_list_model.cpp" line="39"/>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
</context>
<context>
    <name>rrtf::RankedAnswersModel</name>
    <message>
        <location filename="../app/workbench/ranked_answers_model.cpp" line="70"/>
        <source>Teacher %1 (best)</source>
        <translation>教師 %1（最良）</translation>
    </message>
    <message>
        <location filename="../app/workbench/ranked_answers_model.cpp" line="70"/>
        <source>Teacher %1</source>
        <translation>教師 %1</translation>
    </message>
    <message>
        <location filename="../app/workbench/ranked_answers_model.cpp" line="71"/>
        <source>Student %1</source>
        <translation>生徒 %1</translation>
    </message>
    <message>
        <location filename="../app/workbench/ranked_answers_model.cpp" line="80"/>
        <source>not ranked</source>
        <translation>未ランク</translation>
    </message>
    <message>
        <location filename="../app/workbench/ranked_answers_model.cpp" line="83"/>
        <source>not the best teacher answer</source>
        <translation>最良の教師回答ではない</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/workbench/ranked_answers_model.cpp" line="84"/>
        <source>teacher of %n pair(s)</source>
        <translation>
            <numerusform>%n 組のペアの教師</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/workbench/ranked_answers_model.cpp" line="87"/>
        <source>pair: r_tea %1, r_stu %2</source>
        <translation>ペア: r_tea %1、r_stu %2</translation>
    </message>
    <message>
        <location filename="../app/workbench/ranked_answers_model.cpp" line="88"/>
        <source>no pair</source>
        <translation>ペアなし</translation>
    </message>
    <message>
        <location filename="../app/workbench/ranked_answers_model.cpp" line="88"/>
        <source>pair dropped</source>
        <translation>ペア破棄</translation>
    </message>
    <message>
        <location filename="../app/workbench/ranked_answers_model.cpp" line="134"/>
        <source>Answer</source>
        <translation>回答</translation>
    </message>
    <message>
        <location filename="../app/workbench/ranked_answers_model.cpp" line="135"/>
        <source>Model</source>
        <translation>モデル</translation>
    </message>
    <message>
        <location filename="../app/workbench/ranked_answers_model.cpp" line="136"/>
        <source>Temp.</source>
        <translation>温度</translation>
    </message>
    <message>
        <location filename="../app/workbench/ranked_answers_model.cpp" line="137"/>
        <source>Class</source>
        <translation>クラス</translation>
    </message>
    <message>
        <location filename="../app/workbench/ranked_answers_model.cpp" line="138"/>
        <source>Score</source>
        <translation>スコア</translation>
    </message>
    <message>
        <location filename="../app/workbench/ranked_answers_model.cpp" line="139"/>
        <source>Tests</source>
        <translation>テスト</translation>
    </message>
    <message>
        <location filename="../app/workbench/ranked_answers_model.cpp" line="140"/>
        <source>Ranking</source>
        <translation>ランキング</translation>
    </message>
    <message>
        <location filename="../app/workbench/ranked_answers_model.cpp" line="141"/>
        <source>Detail</source>
        <translation>詳細</translation>
    </message>
</context>
<context>
    <name>rrtf::RankingsTableModel</name>
    <message>
        <location filename="../app/workbench/rankings_table_model.cpp" line="28"/>
        <location filename="../app/workbench/rankings_table_model.cpp" line="33"/>
        <source>no answer</source>
        <translation>回答なし</translation>
    </message>
    <message>
        <location filename="../app/workbench/rankings_table_model.cpp" line="28"/>
        <source>none ranked</source>
        <translation>どれも未ランク</translation>
    </message>
    <message>
        <location filename="../app/workbench/rankings_table_model.cpp" line="154"/>
        <source>Task</source>
        <translation>タスク</translation>
    </message>
    <message>
        <location filename="../app/workbench/rankings_table_model.cpp" line="155"/>
        <source>Instruction</source>
        <translation>指示</translation>
    </message>
    <message>
        <location filename="../app/workbench/rankings_table_model.cpp" line="156"/>
        <source>Best teacher</source>
        <translation>最良の教師</translation>
    </message>
    <message>
        <location filename="../app/workbench/rankings_table_model.cpp" line="157"/>
        <source>Students</source>
        <translation>生徒</translation>
    </message>
    <message>
        <location filename="../app/workbench/rankings_table_model.cpp" line="158"/>
        <source>Pairs</source>
        <translation>ペア</translation>
    </message>
    <message>
        <location filename="../app/workbench/rankings_table_model.cpp" line="159"/>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
</context>
<context>
    <name>rrtf::RankingsView</name>
    <message>
        <location filename="../app/workbench/rankings_view.cpp" line="97"/>
        <source>Open…</source>
        <translation>開く…</translation>
    </message>
    <message>
        <location filename="../app/workbench/rankings_view.cpp" line="98"/>
        <source>Reload</source>
        <translation>再読み込み</translation>
    </message>
    <message>
        <location filename="../app/workbench/rankings_view.cpp" line="100"/>
        <source>No rankings file open: open the rankings.jsonl that rrtf rank wrote.</source>
        <translation>ランキングファイルが開かれていません。rrtf rank が書き出した rankings.jsonl を開いてください。</translation>
    </message>
    <message>
        <location filename="../app/workbench/rankings_view.cpp" line="126"/>
        <source>Ranked items</source>
        <translation>ランク付けされた項目</translation>
    </message>
    <message>
        <location filename="../app/workbench/rankings_view.cpp" line="180"/>
        <source>Search task, instruction, reason and model (Ctrl+F)</source>
        <translation>タスク・指示・理由・モデルを検索 (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../app/workbench/rankings_view.cpp" line="182"/>
        <source>Search</source>
        <translation>検索</translation>
    </message>
    <message>
        <location filename="../app/workbench/rankings_view.cpp" line="184"/>
        <source>Best teacher class filter</source>
        <translation>最良の教師のクラスフィルター</translation>
    </message>
    <message>
        <location filename="../app/workbench/rankings_view.cpp" line="185"/>
        <source>Best teacher: any class</source>
        <translation>最良の教師: すべてのクラス</translation>
    </message>
    <message>
        <location filename="../app/workbench/rankings_view.cpp" line="187"/>
        <source>Student class filter</source>
        <translation>生徒のクラスフィルター</translation>
    </message>
    <message>
        <location filename="../app/workbench/rankings_view.cpp" line="188"/>
        <source>Items with at least one student answer of this class</source>
        <translation>このクラスの生徒回答を少なくとも一つ含む項目</translation>
    </message>
    <message>
        <location filename="../app/workbench/rankings_view.cpp" line="189"/>
        <source>Students: any class</source>
        <translation>生徒: すべてのクラス</translation>
    </message>
    <message>
        <location filename="../app/workbench/rankings_view.cpp" line="190"/>
        <source>Only items with a reason or a dropped pair</source>
        <translation>理由または破棄されたペアがある項目のみ</translation>
    </message>
    <message>
        <location filename="../app/workbench/rankings_view.cpp" line="191"/>
        <source>Items left out, and items where a pair was dropped or an answer was not ranked</source>
        <translation>除外された項目と、ペアが破棄されたか回答が未ランクの項目</translation>
    </message>
    <message>
        <location filename="../app/workbench/rankings_view.cpp" line="218"/>
        <source>Instruction</source>
        <translation>指示</translation>
    </message>
    <message>
        <location filename="../app/workbench/rankings_view.cpp" line="223"/>
        <source>Answers of the item</source>
        <translation>この項目の回答</translation>
    </message>
    <message>
        <location filename="../app/workbench/rankings_view.cpp" line="232"/>
        <source>Pairs the loss uses</source>
        <translation>損失が使うペア</translation>
    </message>
    <message>
        <location filename="../app/workbench/rankings_view.cpp" line="239"/>
        <source>Pairs the loss will use:</source>
        <translation>損失が使うペア:</translation>
    </message>
    <message>
        <location filename="../app/workbench/rankings_view.cpp" line="243"/>
        <source>Show the whole response (training keeps only the code)</source>
        <translation>回答全体を表示（学習ではコードのみ使用）</translation>
    </message>
    <message>
        <location filename="../app/workbench/rankings_view.cpp" line="248"/>
        <source>Answer code</source>
        <translation>回答のコード</translation>
    </message>
    <message>
        <location filename="../app/workbench/rankings_view.cpp" line="253"/>
        <source>Verdict and ranking of the answer</source>
        <translation>回答の判定とランキング</translation>
    </message>
    <message>
        <location filename="../app/workbench/rankings_view.cpp" line="273"/>
        <source>Rankings</source>
        <translation>ランキング</translation>
    </message>
    <message>
        <location filename="../app/workbench/rankings_view.cpp" line="294"/>
        <source>Reading %1…</source>
        <translation>%1 を読み込み中…</translation>
    </message>
    <message>
        <location filename="../app/workbench/rankings_view.cpp" line="311"/>
        <source>Cannot read the rankings: %1</source>
        <translation>ランキングを読み込めません: %1</translation>
    </message>
    <message>
        <location filename="../app/workbench/rankings_view.cpp" line="312"/>
        <source>No rankings file open.</source>
        <translation>ランキングファイルが開かれていません。</translation>
    </message>
    <message>
        <location filename="../app/workbench/rankings_view.cpp" line="327"/>
        <source>Rankings — %1</source>
        <translation>ランキング — %1</translation>
    </message>
    <message>
        <location filename="../app/workbench/rankings_view.cpp" line="352"/>
        <source>Open rankings</source>
        <translation>ランキングを開く</translation>
    </message>
    <message>
        <location filename="../app/workbench/rankings_view.cpp" line="353"/>
        <source>Rankings (*.jsonl);;All files (*)</source>
        <translation>ランキング (*.jsonl);;すべてのファイル (*)</translation>
    </message>
    <message>
        <location filename="../app/workbench/rankings_view.cpp" line="366"/>
        <source>%1 of %2 items</source>
        <translation>%2 項目中 %1 項目</translation>
    </message>
    <message>
        <location filename="../app/workbench/rankings_view.cpp" line="400"/>
        <source>Select an item to see its answers.</source>
        <translation>項目を選ぶと回答が表示されます。</translation>
    </message>
    <message>
        <location filename="../app/workbench/rankings_view.cpp" line="406"/>
        <source>%1 — %2 teacher and %3 student answers</source>
        <translation>%1 — 教師の回答 %2 件、生徒の回答 %3 件</translation>
    </message>
    <message>
        <location filename="../app/workbench/rankings_view.cpp" line="429"/>
        <source>None: %1</source>
        <translation>なし: %1</translation>
    </message>
    <message>
        <location filename="../app/workbench/rankings_view.cpp" line="429"/>
        <source>the item yields no pair</source>
        <translation>この項目からはペアができません</translation>
    </message>
    <message>
        <location filename="../app/workbench/rankings_view.cpp" line="431"/>
        <source>Teacher %1 (%2, %3, score %4) against:</source>
        <translation>教師 %1（%2、%3、スコア %4）との比較:</translation>
    </message>
    <message>
        <location filename="../app/workbench/rankings_view.cpp" line="437"/>
        <source>  Student %1 (%2, %3): r_tea %4, r_stu %5, weight %6</source>
        <translation>  生徒 %1（%2、%3）: r_tea %4、r_stu %5、重み %6</translation>
    </message>
    <message>
        <location filename="../app/workbench/rankings_view.cpp" line="446"/>
        <source>  Student %1 dropped: %2</source>
        <translation>  生徒 %1 は破棄: %2</translation>
    </message>
    <message>
        <location filename="../app/workbench/rankings_view.cpp" line="461"/>
        <source>%1 · %2 · temperature %3</source>
        <translation>%1 · %2 · 温度 %3</translation>
    </message>
    <message>
        <location filename="../app/workbench/rankings_view.cpp" line="464"/>
        <source>Outcome: %1 · tests passed: %2 of %3 · class: %4 · score: %5</source>
        <translation>結果: %1 · 合格したテスト: %3 件中 %2 件 · クラス: %4 · スコア: %5</translation>
    </message>
    <message>
        <location filename="../app/workbench/rankings_view.cpp" line="470"/>
        <source>Ranking: %1</source>
        <translation>ランキング: %1</translation>
    </message>
    <message>
        <location filename="../app/workbench/rankings_view.cpp" line="472"/>
        <source>Reason: %1</source>
        <translation>理由: %1</translation>
    </message>
    <message>
        <location filename="../app/workbench/rankings_view.cpp" line="474"/>
        <source>Detail: %1</source>
        <translation>詳細: %1</translation>
    </message>
</context>
<context>
    <name>rrtf::RegionProblemsModel</name>
    <message>
        <location filename="../app/workbench/case_study_models.cpp" line="19"/>
        <source>%1: no sample judged</source>
        <translation>%1: 判定済みのサンプルなし</translation>
    </message>
    <message>
        <location filename="../app/workbench/case_study_models.cpp" line="20"/>
        <source>%1: %2 of %3 samples passed</source>
        <translation>%1: %3 サンプル中 %2 件合格</translation>
    </message>
</context>
<context>
    <name>rrtf::ShortcutsDialog</name>
    <message>
        <location filename="../app/workbench/shortcuts_dialog.cpp" line="33"/>
        <source>Keyboard Shortcuts</source>
        <translation>キーボードショートカット</translation>
    </message>
    <message>
        <location filename="../app/workbench/shortcuts_dialog.cpp" line="34"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../app/workbench/shortcuts_dialog.cpp" line="34"/>
        <source>Shortcut</source>
        <translation>ショートカット</translation>
    </message>
    <message>
        <location filename="../app/workbench/shortcuts_dialog.cpp" line="34"/>
        <source>Default</source>
        <translation>デフォルト</translation>
    </message>
    <message>
        <location filename="../app/workbench/shortcuts_dialog.cpp" line="39"/>
        <source>Keyboard shortcuts</source>
        <translation>キーボードショートカット</translation>
    </message>
    <message>
        <location filename="../app/workbench/shortcuts_dialog.cpp" line="48"/>
        <source>Shortcut for %1</source>
        <translation>%1 のショートカット</translation>
    </message>
    <message>
        <location filename="../app/workbench/shortcuts_dialog.cpp" line="59"/>
        <source>Click a shortcut and press the new keys; the clear button removes it.</source>
        <translation>ショートカットをクリックして新しいキーを押してください。クリアボタンで削除できます。</translation>
    </message>
</context>
<context>
    <name>rrtf::TaxonomyDialog</name>
    <message>
        <location filename="../app/workbench/taxonomy_dialog.cpp" line="24"/>
        <location filename="../app/workbench/taxonomy_dialog.cpp" line="59"/>
        <location filename="../app/workbench/taxonomy_dialog.cpp" line="70"/>
        <source>Failure taxonomy</source>
        <translation>失敗の分類体系</translation>
    </message>
    <message>
        <location filename="../app/workbench/taxonomy_dialog.cpp" line="25"/>
        <source>Failure labels</source>
        <translation>失敗ラベル</translation>
    </message>
    <message>
        <location filename="../app/workbench/taxonomy_dialog.cpp" line="28"/>
        <source>Add…</source>
        <translation>追加…</translation>
    </message>
    <message>
        <location filename="../app/workbench/taxonomy_dialog.cpp" line="28"/>
        <source>Rename…</source>
        <translation>名前を変更…</translation>
    </message>
    <message>
        <location filename="../app/workbench/taxonomy_dialog.cpp" line="29"/>
        <source>Set key…</source>
        <translation>キーを設定…</translation>
    </message>
    <message>
        <location filename="../app/workbench/taxonomy_dialog.cpp" line="29"/>
        <source>Delete</source>
        <translation>削除</translation>
    </message>
    <message>
        <location filename="../app/workbench/taxonomy_dialog.cpp" line="36"/>
        <source>Move up</source>
        <translation>上へ移動</translation>
    </message>
    <message>
        <location filename="../app/workbench/taxonomy_dialog.cpp" line="37"/>
        <source>Move down</source>
        <translation>下へ移動</translation>
    </message>
    <message>
        <location filename="../app/workbench/taxonomy_dialog.cpp" line="91"/>
        <source>Add label</source>
        <translation>ラベルを追加</translation>
    </message>
    <message>
        <location filename="../app/workbench/taxonomy_dialog.cpp" line="91"/>
        <location filename="../app/workbench/taxonomy_dialog.cpp" line="120"/>
        <source>Name:</source>
        <translation>名前:</translation>
    </message>
    <message>
        <location filename="../app/workbench/taxonomy_dialog.cpp" line="120"/>
        <source>Rename label</source>
        <translation>ラベル名を変更</translation>
    </message>
    <message>
        <location filename="../app/workbench/taxonomy_dialog.cpp" line="138"/>
        <source>Label key</source>
        <translation>ラベルのキー</translation>
    </message>
    <message>
        <location filename="../app/workbench/taxonomy_dialog.cpp" line="138"/>
        <source>One character (empty: none):</source>
        <translation>1 文字（空欄: なし）:</translation>
    </message>
    <message>
        <location filename="../app/workbench/taxonomy_dialog.cpp" line="148"/>
        <source>Delete label</source>
        <translation>ラベルを削除</translation>
    </message>
    <message>
        <location filename="../app/workbench/taxonomy_dialog.cpp" line="149"/>
        <source>Delete “%1”? Answers labelled with it keep their notes and become unlabelled.</source>
        <translation>「%1」を削除しますか？このラベルが付いた回答はメモを保持したまま、ラベルなしになります。</translation>
    </message>
</context>
<context>
    <name>rrtf::TemplateDialog</name>
    <message>
        <location filename="../app/workbench/template_dialog.cpp" line="37"/>
        <source>Prompt template of %1</source>
        <translation>%1 のプロンプトテンプレート</translation>
    </message>
    <message>
        <location filename="../app/workbench/template_dialog.cpp" line="41"/>
        <source>Start from a built-in template</source>
        <translation>組み込みテンプレートから始める</translation>
    </message>
    <message>
        <location filename="../app/workbench/template_dialog.cpp" line="42"/>
        <source>Template text</source>
        <translation>テンプレートのテキスト</translation>
    </message>
    <message>
        <location filename="../app/workbench/template_dialog.cpp" line="44"/>
        <source>Preview</source>
        <translation>プレビュー</translation>
    </message>
    <message>
        <location filename="../app/workbench/template_dialog.cpp" line="49"/>
        <source>Start from:</source>
        <translation>元にするテンプレート:</translation>
    </message>
    <message>
        <location filename="../app/workbench/template_dialog.cpp" line="52"/>
        <source>Template ({instruction} is replaced by the prompt):</source>
        <translation>テンプレート（{instruction} はプロンプトに置き換えられます）:</translation>
    </message>
    <message>
        <location filename="../app/workbench/template_dialog.cpp" line="54"/>
        <source>What the model is given for a sample instruction:</source>
        <translation>サンプルの指示に対してモデルに渡される内容:</translation>
    </message>
    <message>
        <location filename="../app/workbench/template_dialog.cpp" line="96"/>
        <source>Write a function that returns the sum of a list of numbers.</source>
        <translation>数値のリストの合計を返す関数を書いてください。</translation>
    </message>
</context>
<context>
    <name>rrtf::TrainingChart</name>
    <message>
        <location filename="../widgets/training_chart.cpp" line="37"/>
        <source>Drag to zoom, double-click to follow the run again</source>
        <translation>ドラッグでズーム、ダブルクリックで再び実行に追従</translation>
    </message>
</context>
<context>
    <name>rrtf::TrainingJobDialog</name>
    <message>
        <location filename="../app/workbench/training_job_dialog.cpp" line="56"/>
        <source>Recompute activations in the backward pass (less memory)</source>
        <translation>逆伝播で活性化を再計算する（メモリを節約）</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_job_dialog.cpp" line="64"/>
        <source>New training job</source>
        <translation>新しい学習ジョブ</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_job_dialog.cpp" line="65"/>
        <source>Run folder:</source>
        <translation>実行フォルダー:</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_job_dialog.cpp" line="66"/>
        <source>Student model:</source>
        <translation>生徒モデル:</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_job_dialog.cpp" line="68"/>
        <source>View…</source>
        <translation>表示…</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_job_dialog.cpp" line="69"/>
        <source>View the rankings</source>
        <translation>ランキングを表示</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_job_dialog.cpp" line="70"/>
        <source>Show the ranked answers and the pairs of this file</source>
        <translation>このファイルのランク付けされた回答とペアを表示</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_job_dialog.cpp" line="71"/>
        <source>Rankings:</source>
        <translation>ランキング:</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_job_dialog.cpp" line="71"/>
        <source>Rankings (*.jsonl)</source>
        <translation>ランキング (*.jsonl)</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_job_dialog.cpp" line="74"/>
        <source>Held-out problems:</source>
        <translation>ホールドアウト問題:</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_job_dialog.cpp" line="74"/>
        <source>Problem sets (*.jsonl *.jsonl.gz *.json)</source>
        <translation>問題セット (*.jsonl *.jsonl.gz *.json)</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_job_dialog.cpp" line="75"/>
        <source>RRTF: ranking + supervised loss</source>
        <translation>RRTF: ランキング損失 + 教師あり損失</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_job_dialog.cpp" line="76"/>
        <source>Supervised fine-tuning only</source>
        <translation>教師ありファインチューニングのみ</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_job_dialog.cpp" line="77"/>
        <source>Objective:</source>
        <translation>目的関数:</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_job_dialog.cpp" line="78"/>
        <source>Epochs:</source>
        <translation>エポック数:</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_job_dialog.cpp" line="79"/>
        <source>Global batch (prompts):</source>
        <translation>グローバルバッチ（プロンプト数）:</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_job_dialog.cpp" line="80"/>
        <source>Micro batch (prompts):</source>
        <translation>マイクロバッチ（プロンプト数）:</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_job_dialog.cpp" line="85"/>
        <source>Learning rate:</source>
        <translation>学習率:</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_job_dialog.cpp" line="86"/>
        <source>Warm-up steps:</source>
        <translation>ウォームアップのステップ数:</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_job_dialog.cpp" line="88"/>
        <source>Schedule:</source>
        <translation>学習率スケジュール:</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_job_dialog.cpp" line="90"/>
        <source>Precision:</source>
        <translation>精度:</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_job_dialog.cpp" line="93"/>
        <source>Clip gradients at norm:</source>
        <translation>勾配クリッピングのノルム:</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_job_dialog.cpp" line="94"/>
        <source>Gradient checkpointing:</source>
        <translation>勾配チェックポインティング:</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_job_dialog.cpp" line="95"/>
        <source>off (train every weight)</source>
        <translation>オフ（すべての重みを学習）</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_job_dialog.cpp" line="96"/>
        <source>LoRA rank:</source>
        <translation>LoRA ランク:</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_job_dialog.cpp" line="97"/>
        <source>at the end only</source>
        <translation>最後のみ</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_job_dialog.cpp" line="98"/>
        <source>Evaluate every (steps):</source>
        <translation>評価間隔（ステップ）:</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_job_dialog.cpp" line="99"/>
        <source>Checkpoint every (steps):</source>
        <translation>チェックポイント間隔（ステップ）:</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_job_dialog.cpp" line="100"/>
        <source>Seed:</source>
        <translation>シード:</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_job_dialog.cpp" line="122"/>
        <source>Browse…</source>
        <translation>参照…</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_job_dialog.cpp" line="125"/>
        <source>Browse for %1</source>
        <translation>%1 を参照</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_job_dialog.cpp" line="175"/>
        <source>Choose a folder for the run.</source>
        <translation>実行用のフォルダーを選んでください。</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_job_dialog.cpp" line="177"/>
        <source>Choose the student model&apos;s folder.</source>
        <translation>生徒モデルのフォルダーを選んでください。</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_job_dialog.cpp" line="179"/>
        <source>Choose a rankings file (made by rrtf rank).</source>
        <translation>ランキングファイル（rrtf rank で作成）を選んでください。</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_job_dialog.cpp" line="195"/>
        <source>%1 has no item with a teacher answer: there is nothing to train on.</source>
        <translation>%1 には教師の回答を持つ項目がありません。学習する対象がありません。</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_job_dialog.cpp" line="197"/>
        <source>%1 has no pairs (no student answer ranked below its teacher): the RRTF objective would only fine-tune on the teacher answers. Choose &quot;Supervised fine-tuning only&quot; for that, or rank sampled student answers (rrtf sample, then rrtf rank).</source>
        <translation>%1 にはペアがありません（教師の回答より下にランク付けされた生徒の回答がありません）。RRTF の目的関数では教師の回答でファインチューニングするだけになります。それでよければ「教師ありファインチューニングのみ」を選ぶか、サンプリングした生徒の回答をランク付けしてください（rrtf sample の後に rrtf rank）。</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_job_dialog.cpp" line="205"/>
        <source>This folder already holds a run: choose a new one (to continue that run, open it).</source>
        <translation>このフォルダーにはすでに実行があります。新しいフォルダーを選んでください（その実行を続けるには、そのフォルダーを開いてください）。</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_job_dialog.cpp" line="257"/>
        <source>Cannot create the folder %1.</source>
        <translation>フォルダー %1 を作成できません。</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_job_dialog.cpp" line="262"/>
        <source>Cannot write %1: %2</source>
        <translation>%1 に書き込めません: %2</translation>
    </message>
</context>
<context>
    <name>rrtf::TrainingRun</name>
    <message>
        <location filename="../app/workbench/training_run.cpp" line="83"/>
        <source>Cannot start %1: %2</source>
        <translation>%1 を起動できません: %2</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_run.cpp" line="96"/>
        <source>The job of %1 is not running.</source>
        <translation>%1 のジョブは実行されていません。</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_run.cpp" line="99"/>
        <source>The job of %1 is not running: it stopped unexpectedly at step %2.</source>
        <translation>%1 のジョブは実行中ではありません。ステップ %2 で予期せず停止しました。</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_run.cpp" line="108"/>
        <source>Cannot ask the job of %1 to stop: %2</source>
        <translation>%1 のジョブに停止を依頼できません: %2</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_run.cpp" line="112"/>
        <source>The job of %1 runs on %2: it was asked to stop through %3, which reaches it only if %2 sees this folder (a shared filesystem). No process was signalled.</source>
        <translation>%1 のジョブは %2 で実行されています。%3 を通じて停止を依頼しました。%2 がこのフォルダー（共有ファイルシステム）を参照できる場合にのみ届きます。どのプロセスにもシグナルは送っていません。</translation>
    </message>
</context>
<context>
    <name>rrtf::TrainingView</name>
    <message>
        <location filename="../app/workbench/training_view.cpp" line="38"/>
        <source>Loss</source>
        <translation>損失</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_view.cpp" line="39"/>
        <source>Rank loss</source>
        <translation>ランキング損失</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_view.cpp" line="40"/>
        <source>SFT loss</source>
        <translation>SFT 損失</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_view.cpp" line="41"/>
        <source>Learning rate</source>
        <translation>学習率</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_view.cpp" line="42"/>
        <source>Tokens/s</source>
        <translation>毎秒トークン数</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_view.cpp" line="43"/>
        <source>pass@1 (held-out)</source>
        <translation>pass@1（ホールドアウト問題）</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_view.cpp" line="48"/>
        <source>running</source>
        <translation>実行中</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_view.cpp" line="49"/>
        <source>finished</source>
        <translation>完了</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_view.cpp" line="50"/>
        <source>failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_view.cpp" line="51"/>
        <source>cancelled</source>
        <translation>キャンセル済み</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_view.cpp" line="76"/>
        <source>Log x</source>
        <translation>対数 x</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_view.cpp" line="77"/>
        <source>Log y</source>
        <translation>対数 y</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_view.cpp" line="82"/>
        <source>Demo: RRTF vs SFT</source>
        <translation>デモ: RRTF と SFT の比較</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_view.cpp" line="86"/>
        <source>Training runs</source>
        <translation>学習実行</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_view.cpp" line="87"/>
        <source>Checked runs are drawn; the selected run&apos;s status and log are shown below</source>
        <translation>チェックした実行が描画されます。選択した実行の状態とログは下に表示されます</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_view.cpp" line="88"/>
        <source>New job…</source>
        <translation>新しいジョブ…</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_view.cpp" line="89"/>
        <source>Open run…</source>
        <translation>実行を開く…</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_view.cpp" line="90"/>
        <location filename="../app/workbench/training_view.cpp" line="457"/>
        <source>Cancel job</source>
        <translation>ジョブをキャンセル</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_view.cpp" line="91"/>
        <source>Remove</source>
        <translation>削除</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_view.cpp" line="92"/>
        <source>Stop following the selected run (its folder stays)</source>
        <translation>選択した実行の追跡をやめる（フォルダーは残ります）</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_view.cpp" line="93"/>
        <source>View rankings…</source>
        <translation>ランキングを表示…</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_view.cpp" line="94"/>
        <source>See what a job trains on: the ranked answers and pairs of a rankings file</source>
        <translation>ジョブが何で学習するかを確認: ランキングファイルのランク付けされた回答とペア</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_view.cpp" line="109"/>
        <source>Fine-tune the demo base model twice on the demo task, with RRTF and with supervised fine-tuning, and watch held-out pass@1 rise (a few minutes)</source>
        <translation>デモタスクでデモのベースモデルを RRTF と教師ありファインチューニングでそれぞれファインチューニングし、ホールドアウト問題の pass@1 が上がる様子を確認（数分かかります）</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_view.cpp" line="115"/>
        <source>Demo jobs</source>
        <translation>デモジョブ</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_view.cpp" line="124"/>
        <source>Step</source>
        <translation>ステップ</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_view.cpp" line="125"/>
        <source>Training time (s)</source>
        <translation>学習時間（秒）</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_view.cpp" line="126"/>
        <source>Wall clock (Unix s)</source>
        <translation>実時間（Unix 秒）</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_view.cpp" line="127"/>
        <source>Tokens seen</source>
        <translation>処理済みトークン数</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_view.cpp" line="130"/>
        <source>Smoothing</source>
        <translation>平滑化</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_view.cpp" line="131"/>
        <source>Export CSV…</source>
        <translation>CSV をエクスポート…</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_view.cpp" line="132"/>
        <source>Export PNG…</source>
        <translation>PNG をエクスポート…</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_view.cpp" line="134"/>
        <location filename="../app/workbench/training_view.cpp" line="137"/>
        <source>Export curves</source>
        <translation>曲線をエクスポート</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_view.cpp" line="135"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_view.cpp" line="137"/>
        <location filename="../app/workbench/training_view.cpp" line="143"/>
        <location filename="../app/workbench/training_view.cpp" line="426"/>
        <source>Cannot write %1.</source>
        <translation>%1 に書き込めません。</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_view.cpp" line="140"/>
        <location filename="../app/workbench/training_view.cpp" line="143"/>
        <source>Export charts</source>
        <translation>グラフをエクスポート</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_view.cpp" line="141"/>
        <source>PNG images (*.png)</source>
        <translation>PNG 画像 (*.png)</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_view.cpp" line="146"/>
        <source>X axis:</source>
        <translation>X 軸:</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_view.cpp" line="148"/>
        <source>Smoothing:</source>
        <translation>平滑化:</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_view.cpp" line="167"/>
        <source>Job log</source>
        <translation>ジョブログ</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_view.cpp" line="324"/>
        <source>%1: no job status yet</source>
        <translation>%1: ジョブの状態はまだありません</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_view.cpp" line="327"/>
        <source>%1: stopped unexpectedly at step %2 (start it again to resume)</source>
        <translation>%1: ステップ %2 で予期せず停止しました（再開するには再度開始してください）</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_view.cpp" line="330"/>
        <source>%1: running on %2, step %3 of %4</source>
        <translation>%1: %2 で実行中、ステップ %3 / %4</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_view.cpp" line="334"/>
        <source>%1: %2, step %3 of %4</source>
        <translation>%1: %2、ステップ %3 / %4</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_view.cpp" line="338"/>
        <source>, stopping after this step</source>
        <translation>、このステップの後で停止します</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_view.cpp" line="399"/>
        <location filename="../app/workbench/training_view.cpp" line="404"/>
        <source>New training job</source>
        <translation>新しい学習ジョブ</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_view.cpp" line="443"/>
        <source>Open a training run</source>
        <translation>学習実行を開く</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_view.cpp" line="476"/>
        <source>View rankings</source>
        <translation>ランキングを表示</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_view.cpp" line="477"/>
        <source>Rankings (*.jsonl);;All files (*)</source>
        <translation>ランキング (*.jsonl);;すべてのファイル (*)</translation>
    </message>
</context>
<context>
    <name>rrtf::VennView</name>
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
</TS>

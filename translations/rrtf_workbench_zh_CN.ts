<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CodeEditor</name>
    <message>
        <location filename="../widgets/code_editor.cpp" line="45"/>
        <source>Code editor</source>
        <translation>代码编辑器</translation>
    </message>
</context>
<context>
    <name>OutcomeBadge</name>
    <message>
        <location filename="../widgets/outcome_badge.cpp" line="73"/>
        <source>Passed</source>
        <translation>通过</translation>
    </message>
    <message>
        <location filename="../widgets/outcome_badge.cpp" line="74"/>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../widgets/outcome_badge.cpp" line="75"/>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <location filename="../widgets/outcome_badge.cpp" line="76"/>
        <source>Syntax error</source>
        <translation>语法错误</translation>
    </message>
    <message>
        <location filename="../widgets/outcome_badge.cpp" line="77"/>
        <source>Timeout</source>
        <translation>超时</translation>
    </message>
    <message>
        <location filename="../widgets/outcome_badge.cpp" line="78"/>
        <source>Out of memory</source>
        <translation>内存不足</translation>
    </message>
    <message>
        <location filename="../widgets/outcome_badge.cpp" line="79"/>
        <source>Crashed</source>
        <translation>崩溃</translation>
    </message>
    <message>
        <location filename="../widgets/outcome_badge.cpp" line="80"/>
        <source>Output limit</source>
        <translation>输出超限</translation>
    </message>
    <message>
        <location filename="../widgets/outcome_badge.cpp" line="81"/>
        <source>Tampered</source>
        <translation>被篡改</translation>
    </message>
    <message>
        <location filename="../widgets/outcome_badge.cpp" line="82"/>
        <source>Sandbox error</source>
        <translation>沙箱错误</translation>
    </message>
    <message>
        <location filename="../widgets/outcome_badge.cpp" line="83"/>
        <source>Running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <location filename="../widgets/outcome_badge.cpp" line="84"/>
        <source>Not judged</source>
        <translation>未评判</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/outcome_badge.cpp" line="131"/>
        <source>%1/%n tests</source>
        <extracomment>Outcome badge suffix: passed / total unit tests, e.g. &quot;3/5 tests&quot;</extracomment>
        <translation>
            <numerusform>%1/%n 个测试</numerusform>
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
        <translation>各模型解决的问题</translation>
    </message>
    <message>
        <location filename="../widgets/venn_view.cpp" line="135"/>
        <source>Solved by no model</source>
        <translation>没有模型解决</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/venn_view.cpp" line="135"/>
        <location filename="../widgets/venn_view.cpp" line="142"/>
        <source>%n problem(s)</source>
        <translation>
            <numerusform>%n 个问题</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/venn_view.cpp" line="139"/>
        <source>Solved by: %1</source>
        <translation>解决者：%1</translation>
    </message>
    <message>
        <location filename="../widgets/venn_view.cpp" line="141"/>
        <source>Not solved by: %1</source>
        <translation>未解决者：%1</translation>
    </message>
    <message>
        <location filename="../widgets/venn_view_paint.cpp" line="26"/>
        <source>Solved by none: %1</source>
        <translation>无人解决：%1</translation>
    </message>
    <message>
        <location filename="../widgets/venn_view_paint.cpp" line="117"/>
        <source>No results to compare</source>
        <translation>没有可比较的结果</translation>
    </message>
    <message>
        <location filename="../widgets/venn_view_paint.cpp" line="268"/>
        <source>No problems</source>
        <translation>没有问题</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/workbench/main.cpp" line="40"/>
        <source>Compare, judge and train code models</source>
        <translation>比较、评判和训练代码模型</translation>
    </message>
    <message>
        <location filename="../app/workbench/main.cpp" line="43"/>
        <source>Do not load the models at start</source>
        <translation>启动时不加载模型</translation>
    </message>
</context>
<context>
    <name>rrtf::AnswerPane</name>
    <message>
        <location filename="../app/workbench/answer_pane.cpp" line="49"/>
        <source>Greedy</source>
        <translation>贪心</translation>
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
        <translation>种子</translation>
    </message>
    <message>
        <location filename="../app/workbench/answer_pane.cpp" line="68"/>
        <source>Maximum new tokens</source>
        <translation>最大新 token 数</translation>
    </message>
    <message>
        <location filename="../app/workbench/answer_pane.cpp" line="70"/>
        <source>Stop sequences</source>
        <translation>停止序列</translation>
    </message>
    <message>
        <location filename="../app/workbench/answer_pane.cpp" line="71"/>
        <source>Comma-separated; \n is a newline</source>
        <translation>以逗号分隔；\n 表示换行</translation>
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
        <translation>解码</translation>
    </message>
    <message>
        <location filename="../app/workbench/answer_pane.cpp" line="88"/>
        <source>seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <location filename="../app/workbench/answer_pane.cpp" line="90"/>
        <source>max tokens</source>
        <translation>最大 token 数</translation>
    </message>
    <message>
        <location filename="../app/workbench/answer_pane.cpp" line="92"/>
        <source>Limits</source>
        <translation>限制</translation>
    </message>
    <message>
        <location filename="../app/workbench/answer_pane.cpp" line="93"/>
        <source>Stop at</source>
        <translation>停止于</translation>
    </message>
    <message>
        <location filename="../app/workbench/answer_pane.cpp" line="97"/>
        <source>Answer of %1</source>
        <translation>%1 的回答</translation>
    </message>
    <message>
        <location filename="../app/workbench/answer_pane.cpp" line="106"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../app/workbench/answer_pane.cpp" line="108"/>
        <source>Run tests</source>
        <translation>运行测试</translation>
    </message>
    <message>
        <location filename="../app/workbench/answer_pane.cpp" line="110"/>
        <source>Record…</source>
        <translation>记录…</translation>
    </message>
    <message>
        <location filename="../app/workbench/answer_pane.cpp" line="111"/>
        <source>How to reproduce this answer: model, template, parameters, seed, versions</source>
        <translation>如何复现此回答：模型、模板、参数、种子、版本</translation>
    </message>
    <message>
        <location filename="../app/workbench/answer_pane.cpp" line="166"/>
        <source>waiting for the first token…</source>
        <translation>正在等待第一个 token…</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/workbench/answer_pane.cpp" line="178"/>
        <source>%n token(s)</source>
        <translation>
            <numerusform>%n 个 token</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/workbench/answer_pane.cpp" line="196"/>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../app/workbench/answer_pane.cpp" line="199"/>
        <source>%1 tokens · first token %2 ms · %3 tok/s · %4</source>
        <translation>%1 个 token · 首个 token %2 ms · %3 tok/s · %4</translation>
    </message>
    <message>
        <location filename="../app/workbench/answer_pane.cpp" line="227"/>
        <source>Reproducibility record — %1</source>
        <translation>可复现性记录 — %1</translation>
    </message>
    <message>
        <location filename="../app/workbench/answer_pane.cpp" line="231"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
</context>
<context>
    <name>rrtf::CompareView</name>
    <message>
        <location filename="../app/workbench/compare_view.cpp" line="35"/>
        <source>Synchronised scrolling</source>
        <translation>同步滚动</translation>
    </message>
    <message>
        <location filename="../app/workbench/compare_view.cpp" line="156"/>
        <source>This prompt has no tests: pick a problem from the problem list.</source>
        <translation>此提示没有测试：请从问题列表中选择一个问题。</translation>
    </message>
    <message>
        <location filename="../app/workbench/compare_view.cpp" line="170"/>
        <source>Difference between two answers</source>
        <translation>两个回答之间的差异</translation>
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
        <translation>%1：%2</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="76"/>
        <source>Prompt</source>
        <translation>提示</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="77"/>
        <location filename="../app/workbench/main_window.cpp" line="242"/>
        <source>Free prompt (no tests)</source>
        <translation>自由提示（无测试）</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="78"/>
        <source>Run all</source>
        <translation>全部运行</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="79"/>
        <source>Generate an answer in every pane (Ctrl+Return)</source>
        <translation>在每个窗格中生成回答 (Ctrl+Return)</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="80"/>
        <source>Stop all</source>
        <translation>全部停止</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="81"/>
        <source>Run tests</source>
        <translation>运行测试</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="82"/>
        <source>Diff…</source>
        <translation>差异…</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="117"/>
        <location filename="../app/workbench/main_window.cpp" line="133"/>
        <source>Models</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="118"/>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="119"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="120"/>
        <source>Load</source>
        <translation>加载</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="121"/>
        <source>Unload</source>
        <translation>卸载</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="140"/>
        <location filename="../app/workbench/main_window.cpp" line="143"/>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="151"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="152"/>
        <source>Open &amp;Problem Set…</source>
        <translation>打开问题集(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="153"/>
        <source>Open a problem set</source>
        <translation>打开问题集</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="154"/>
        <source>Problem sets (*.jsonl *.jsonl.gz *.json)</source>
        <translation>问题集 (*.jsonl *.jsonl.gz *.json)</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="158"/>
        <source>&amp;Add Model…</source>
        <translation>添加模型(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="160"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="162"/>
        <source>&amp;Run</source>
        <translation>运行(&amp;R)</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="163"/>
        <source>Run &amp;All</source>
        <translation>全部运行(&amp;A)</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="164"/>
        <source>&amp;Stop All</source>
        <translation>全部停止(&amp;S)</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="165"/>
        <source>Run &amp;Tests</source>
        <translation>运行测试(&amp;T)</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="166"/>
        <source>&amp;Diff Two Answers…</source>
        <translation>比较两个回答(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="168"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="172"/>
        <source>&amp;Reset Layout</source>
        <translation>重置布局(&amp;R)</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="174"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="175"/>
        <source>&amp;About RRTF Workbench</source>
        <translation>关于 RRTF Workbench(&amp;A)</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="176"/>
        <source>About RRTF Workbench</source>
        <translation>关于 RRTF Workbench</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="177"/>
        <source>&lt;b&gt;RRTF Workbench %1&lt;/b&gt;&lt;p&gt;Compare StarCoder-family models side by side, judge their answers in a sandbox, and train them with RRTF.&lt;/p&gt;</source>
        <translation>&lt;b&gt;RRTF Workbench %1&lt;/b&gt;&lt;p&gt;并排比较 StarCoder 系列模型，在沙箱中评判它们的回答，并用 RRTF 训练它们。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="189"/>
        <source>Writing the demo models…</source>
        <translation>正在写入演示模型…</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="195"/>
        <source>Demo workspace: tiny random models and a small problem set</source>
        <translation>演示工作区：微型随机模型和一个小型问题集</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="197"/>
        <source>Demo workspace</source>
        <translation>演示工作区</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="215"/>
        <source>Cannot open the problem set</source>
        <translation>无法打开问题集</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="228"/>
        <source>Problem %1</source>
        <translation>问题 %1</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="245"/>
        <source>No model is loaded: load one in the Models panel.</source>
        <translation>未加载模型：请在“模型”面板中加载一个。</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="260"/>
        <source>Hugging Face model folder</source>
        <translation>Hugging Face 模型文件夹</translation>
    </message>
</context>
<context>
    <name>rrtf::ModelHost</name>
    <message>
        <location filename="../app/workbench/model_host.cpp" line="76"/>
        <source>Reading the checkpoint</source>
        <translation>正在读取检查点</translation>
    </message>
    <message>
        <location filename="../app/workbench/model_host.cpp" line="85"/>
        <source>Reading the tokenizer</source>
        <translation>正在读取分词器</translation>
    </message>
    <message>
        <location filename="../app/workbench/model_host.cpp" line="87"/>
        <source>Fingerprinting</source>
        <translation>正在计算指纹</translation>
    </message>
    <message>
        <location filename="../app/workbench/model_host.cpp" line="96"/>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <location filename="../app/workbench/model_host.cpp" line="118"/>
        <source>The model is not loaded.</source>
        <translation>模型未加载。</translation>
    </message>
</context>
<context>
    <name>rrtf::ModelListModel</name>
    <message>
        <location filename="../app/workbench/model_list_model.cpp" line="10"/>
        <source>not loaded</source>
        <translation>未加载</translation>
    </message>
    <message>
        <location filename="../app/workbench/model_list_model.cpp" line="11"/>
        <source>loading</source>
        <translation>加载中</translation>
    </message>
    <message>
        <location filename="../app/workbench/model_list_model.cpp" line="12"/>
        <source>loaded</source>
        <translation>已加载</translation>
    </message>
    <message>
        <location filename="../app/workbench/model_list_model.cpp" line="13"/>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../app/workbench/model_list_model.cpp" line="62"/>
        <source>%1 (%2%)</source>
        <translation>%1 (%2%)</translation>
    </message>
    <message>
        <location filename="../app/workbench/model_list_model.cpp" line="75"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../app/workbench/model_list_model.cpp" line="76"/>
        <source>Checkpoint folder</source>
        <translation>检查点文件夹</translation>
    </message>
    <message>
        <location filename="../app/workbench/model_list_model.cpp" line="77"/>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../app/workbench/model_list_model.cpp" line="78"/>
        <source>Dtype</source>
        <translation>Dtype</translation>
    </message>
    <message>
        <location filename="../app/workbench/model_list_model.cpp" line="79"/>
        <source>Template</source>
        <translation>模板</translation>
    </message>
    <message>
        <location filename="../app/workbench/model_list_model.cpp" line="80"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../app/workbench/model_list_model.cpp" line="81"/>
        <source>Memory</source>
        <translation>内存</translation>
    </message>
    <message>
        <location filename="../app/workbench/model_list_model.cpp" line="214"/>
        <source>Waiting</source>
        <translation>等待中</translation>
    </message>
</context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>main</name>
    <message>
        <location filename="../app/workbench/main.cpp" line="47"/>
        <source>Compare, judge and train code models</source>
        <translation>比较、评判和训练代码模型</translation>
    </message>
    <message>
        <location filename="../app/workbench/main.cpp" line="50"/>
        <source>Do not load the models at start</source>
        <translation>启动时不加载模型</translation>
    </message>
    <message>
        <location filename="../app/workbench/main.cpp" line="53"/>
        <source>After the first start&apos;s demo, save a PNG of each tab into DIR and quit</source>
        <translation>首次启动的演示完成后，将每个标签页保存为 PNG 到 DIR 中，然后退出</translation>
    </message>
    <message>
        <location filename="../app/workbench/main.cpp" line="58"/>
        <source>Before the screenshots, run the demo training jobs to their end</source>
        <translation>截图前，先将演示训练作业运行至结束</translation>
    </message>
</context>
<context>
    <name>rrtf</name>
    <message>
        <location filename="../app/workbench/report.cpp" line="36"/>
        <source>unknown problem set</source>
        <translation>未知问题集</translation>
    </message>
    <message>
        <location filename="../app/workbench/report.cpp" line="41"/>
        <source>Leaderboard</source>
        <translation>排行榜</translation>
    </message>
    <message>
        <location filename="../app/workbench/report.cpp" line="44"/>
        <source>No benchmark runs yet.</source>
        <translation>尚无基准测试运行。</translation>
    </message>
    <message>
        <location filename="../app/workbench/report.cpp" line="57"/>
        <location filename="../app/workbench/report.cpp" line="68"/>
        <location filename="../app/workbench/report.cpp" line="130"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../app/workbench/report.cpp" line="57"/>
        <source>Problem set</source>
        <translation>问题集</translation>
    </message>
    <message>
        <location filename="../app/workbench/report.cpp" line="57"/>
        <location filename="../app/workbench/report.cpp" line="68"/>
        <source>Decoding</source>
        <translation>解码</translation>
    </message>
    <message>
        <location filename="../app/workbench/report.cpp" line="57"/>
        <source>Judged</source>
        <translation>已评判</translation>
    </message>
    <message>
        <location filename="../app/workbench/report.cpp" line="57"/>
        <source>Passed</source>
        <translation>通过</translation>
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
        <translation>权重</translation>
    </message>
    <message>
        <location filename="../app/workbench/report.cpp" line="58"/>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../app/workbench/report.cpp" line="58"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../app/workbench/report.cpp" line="60"/>
        <source>pass@k is the unbiased estimator of Chen et al. (2021) over the problems whose samples are all judged; it is left empty when k exceeds the samples per problem.</source>
        <translation>pass@k 采用 Chen et al. (2021) 的无偏估计量，基于所有样本均已评判的问题计算；当 k 超过每个问题的样本数时留空。</translation>
    </message>
    <message>
        <location filename="../app/workbench/failure_label_text.cpp" line="15"/>
        <source>wrong algorithm</source>
        <translation>算法错误</translation>
    </message>
    <message>
        <location filename="../app/workbench/failure_label_text.cpp" line="16"/>
        <source>The approach cannot solve the problem even when carried out correctly.</source>
        <translation>即使正确实现，该思路也无法解决问题。</translation>
    </message>
    <message>
        <location filename="../app/workbench/failure_label_text.cpp" line="17"/>
        <source>off-by-one / boundary</source>
        <translation>差一错误 / 边界</translation>
    </message>
    <message>
        <location filename="../app/workbench/failure_label_text.cpp" line="18"/>
        <source>Right idea, wrong at the edges: ranges, empty input, first or last element.</source>
        <translation>思路正确，但在边界处出错：范围、空输入、第一个或最后一个元素。</translation>
    </message>
    <message>
        <location filename="../app/workbench/failure_label_text.cpp" line="19"/>
        <source>misread the spec</source>
        <translation>误解题意</translation>
    </message>
    <message>
        <location filename="../app/workbench/failure_label_text.cpp" line="20"/>
        <source>Solves a different problem than the docstring asks for.</source>
        <translation>解决的问题与文档字符串的要求不同。</translation>
    </message>
    <message>
        <location filename="../app/workbench/failure_label_text.cpp" line="21"/>
        <source>syntax error</source>
        <translation>语法错误</translation>
    </message>
    <message>
        <location filename="../app/workbench/failure_label_text.cpp" line="21"/>
        <source>The completion does not parse.</source>
        <translation>补全结果无法解析。</translation>
    </message>
    <message>
        <location filename="../app/workbench/failure_label_text.cpp" line="23"/>
        <source>Raises an exception (TypeError, IndexError, ...) on some test.</source>
        <translation>在某个测试中抛出异常（TypeError、IndexError 等）。</translation>
    </message>
    <message>
        <location filename="../app/workbench/failure_label_text.cpp" line="24"/>
        <source>timeout / inefficient</source>
        <translation>超时 / 低效</translation>
    </message>
    <message>
        <location filename="../app/workbench/failure_label_text.cpp" line="25"/>
        <source>Correct in principle but too slow for the tests&apos; inputs.</source>
        <translation>原理上正确，但对于测试的输入来说太慢。</translation>
    </message>
    <message>
        <location filename="../app/workbench/failure_label_text.cpp" line="26"/>
        <source>incomplete code</source>
        <translation>代码不完整</translation>
    </message>
    <message>
        <location filename="../app/workbench/failure_label_text.cpp" line="27"/>
        <source>Stops early: a missing return, an unfinished branch, cut off at the token limit.</source>
        <translation>过早结束：缺少 return、分支未写完、在 token 上限处被截断。</translation>
    </message>
    <message>
        <location filename="../app/workbench/failure_label_text.cpp" line="28"/>
        <source>hallucinated API</source>
        <translation>幻觉 API</translation>
    </message>
    <message>
        <location filename="../app/workbench/failure_label_text.cpp" line="29"/>
        <source>Calls functions, methods or modules that do not exist.</source>
        <translation>调用了不存在的函数、方法或模块。</translation>
    </message>
    <message>
        <location filename="../app/workbench/failure_label_text.cpp" line="30"/>
        <source>formatting / IO</source>
        <translation>格式 / 输入输出</translation>
    </message>
    <message>
        <location filename="../app/workbench/failure_label_text.cpp" line="31"/>
        <source>Right values in the wrong form: types, rounding, whitespace, printing.</source>
        <translation>值正确但形式错误：类型、舍入、空白、打印输出。</translation>
    </message>
    <message>
        <location filename="../app/workbench/failure_label_text.cpp" line="32"/>
        <location filename="../app/workbench/report.cpp" line="71"/>
        <source>other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../app/workbench/failure_label_text.cpp" line="33"/>
        <source>Anything the labels above do not cover: say what in the note.</source>
        <translation>上述标签未涵盖的任何情况：请在备注中说明具体内容。</translation>
    </message>
    <message>
        <location filename="../app/workbench/report.cpp" line="90"/>
        <source>Outcomes</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../app/workbench/report.cpp" line="100"/>
        <source>only %1</source>
        <translation>仅 %1</translation>
    </message>
    <message>
        <location filename="../app/workbench/report.cpp" line="115"/>
        <source>Case study: %1, %2</source>
        <translation>案例研究：%1，%2</translation>
    </message>
    <message>
        <location filename="../app/workbench/report.cpp" line="121"/>
        <source>A model solves a problem when at least one of its samples passes.</source>
        <translation>模型只要有至少一个样本通过，即算作解决了该问题。</translation>
    </message>
    <message>
        <location filename="../app/workbench/report.cpp" line="122"/>
        <source>A model solves a problem when its greedy answer passes.</source>
        <translation>模型的贪心回答通过时，即算作解决了该问题。</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/workbench/report.cpp" line="124"/>
        <source>%n sandbox error(s) were left out.</source>
        <translation>
            <numerusform>已排除 %n 个沙箱错误。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/workbench/report.cpp" line="125"/>
        <source>%n problem(s) judged.</source>
        <translation>
            <numerusform>已评判 %n 个问题。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/workbench/report.cpp" line="130"/>
        <source>Solved</source>
        <translation>已解决</translation>
    </message>
    <message>
        <location filename="../app/workbench/report.cpp" line="132"/>
        <source>Who solves what</source>
        <translation>各模型解决了哪些问题</translation>
    </message>
    <message>
        <location filename="../app/workbench/report.cpp" line="137"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../app/workbench/report.cpp" line="138"/>
        <source>Solved by</source>
        <translation>解决者</translation>
    </message>
    <message>
        <location filename="../app/workbench/report.cpp" line="138"/>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../app/workbench/report.cpp" line="138"/>
        <source>Task ids</source>
        <translation>任务 ID</translation>
    </message>
    <message>
        <location filename="../app/workbench/report.cpp" line="141"/>
        <source>McNemar&apos;s exact test</source>
        <translation>McNemar 精确检验</translation>
    </message>
    <message>
        <location filename="../app/workbench/report.cpp" line="150"/>
        <source>Model A</source>
        <translation>模型 A</translation>
    </message>
    <message>
        <location filename="../app/workbench/report.cpp" line="150"/>
        <source>Model B</source>
        <translation>模型 B</translation>
    </message>
    <message>
        <location filename="../app/workbench/report.cpp" line="150"/>
        <source>Only A</source>
        <translation>仅 A</translation>
    </message>
    <message>
        <location filename="../app/workbench/report.cpp" line="150"/>
        <source>Only B</source>
        <translation>仅 B</translation>
    </message>
    <message>
        <location filename="../app/workbench/report.cpp" line="150"/>
        <source>p-value</source>
        <translation>p 值</translation>
    </message>
    <message>
        <location filename="../app/workbench/report.cpp" line="163"/>
        <source>Where the models disagree most</source>
        <translation>模型分歧最大的问题</translation>
    </message>
    <message>
        <location filename="../app/workbench/report.cpp" line="164"/>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <location filename="../app/workbench/report.cpp" line="164"/>
        <source>Disagreement</source>
        <translation>分歧度</translation>
    </message>
    <message>
        <location filename="../app/workbench/report.cpp" line="194"/>
        <source>Failure labels</source>
        <translation>失败标签</translation>
    </message>
    <message>
        <location filename="../app/workbench/report.cpp" line="208"/>
        <source>Label</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../app/workbench/report.cpp" line="213"/>
        <source>Agreement between annotators</source>
        <translation>标注者之间的一致性</translation>
    </message>
    <message>
        <location filename="../app/workbench/report.cpp" line="218"/>
        <source>n/a</source>
        <translation>不适用</translation>
    </message>
    <message>
        <location filename="../app/workbench/report.cpp" line="219"/>
        <source>Annotator A</source>
        <translation>标注者 A</translation>
    </message>
    <message>
        <location filename="../app/workbench/report.cpp" line="219"/>
        <source>Annotator B</source>
        <translation>标注者 B</translation>
    </message>
    <message>
        <location filename="../app/workbench/report.cpp" line="219"/>
        <source>Items both labelled</source>
        <translation>两人都标注过的条目</translation>
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
        <translation>RRTF Workbench 报告</translation>
    </message>
    <message>
        <location filename="../app/workbench/report.cpp" line="228"/>
        <source>Workspace: %1</source>
        <translation>工作区：%1</translation>
    </message>
    <message>
        <location filename="../app/workbench/report.cpp" line="229"/>
        <source>Written: %1</source>
        <translation>生成时间：%1</translation>
    </message>
    <message>
        <location filename="../app/workbench/report.cpp" line="230"/>
        <source>Engine: %1</source>
        <translation>引擎：%1</translation>
    </message>
    <message>
        <location filename="../app/workbench/run_summaries.cpp" line="92"/>
        <source>done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../app/workbench/run_summaries.cpp" line="92"/>
        <source>unfinished: start again to resume</source>
        <translation>未完成：再次开始即可继续</translation>
    </message>
    <message>
        <location filename="../app/workbench/run_summaries.cpp" line="115"/>
        <source>Run %1</source>
        <translation>运行 %1</translation>
    </message>
    <message>
        <location filename="../app/workbench/shortcut_map.cpp" line="41"/>
        <source>find in the editor</source>
        <translation>在编辑器中查找</translation>
    </message>
    <message>
        <location filename="../app/workbench/shortcut_map.cpp" line="42"/>
        <source>find next in the editor</source>
        <translation>在编辑器中查找下一个</translation>
    </message>
    <message>
        <location filename="../app/workbench/shortcut_map.cpp" line="43"/>
        <source>find previous in the editor</source>
        <translation>在编辑器中查找上一个</translation>
    </message>
    <message>
        <location filename="../app/workbench/shortcut_map.cpp" line="44"/>
        <location filename="../app/workbench/shortcut_map.cpp" line="45"/>
        <source>zoom in the editor</source>
        <translation>放大编辑器</translation>
    </message>
    <message>
        <location filename="../app/workbench/shortcut_map.cpp" line="46"/>
        <source>zoom out the editor</source>
        <translation>缩小编辑器</translation>
    </message>
    <message>
        <location filename="../app/workbench/shortcut_map.cpp" line="47"/>
        <source>reset the editor&apos;s zoom</source>
        <translation>重置编辑器的缩放</translation>
    </message>
    <message>
        <location filename="../app/workbench/shortcut_map.cpp" line="50"/>
        <source>undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../app/workbench/shortcut_map.cpp" line="51"/>
        <location filename="../app/workbench/shortcut_map.cpp" line="52"/>
        <source>redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <location filename="../app/workbench/shortcut_map.cpp" line="53"/>
        <location filename="../app/workbench/shortcut_map.cpp" line="54"/>
        <source>cut</source>
        <translation>剪切</translation>
    </message>
    <message>
        <location filename="../app/workbench/shortcut_map.cpp" line="55"/>
        <location filename="../app/workbench/shortcut_map.cpp" line="56"/>
        <source>copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../app/workbench/shortcut_map.cpp" line="57"/>
        <location filename="../app/workbench/shortcut_map.cpp" line="58"/>
        <source>paste</source>
        <translation>粘贴</translation>
    </message>
    <message>
        <location filename="../app/workbench/shortcut_map.cpp" line="59"/>
        <source>select all</source>
        <translation>全选</translation>
    </message>
    <message>
        <location filename="../app/workbench/shortcut_map.cpp" line="60"/>
        <source>delete the previous word</source>
        <translation>删除前一个单词</translation>
    </message>
    <message>
        <location filename="../app/workbench/shortcut_map.cpp" line="61"/>
        <source>delete the next word</source>
        <translation>删除后一个单词</translation>
    </message>
    <message>
        <location filename="../app/workbench/shortcut_map.cpp" line="62"/>
        <source>delete the previous character</source>
        <translation>删除前一个字符</translation>
    </message>
    <message>
        <location filename="../app/workbench/shortcut_map.cpp" line="63"/>
        <source>delete the next character</source>
        <translation>删除后一个字符</translation>
    </message>
    <message>
        <location filename="../app/workbench/shortcut_map.cpp" line="64"/>
        <source>start a new line</source>
        <translation>换行</translation>
    </message>
    <message>
        <location filename="../app/workbench/shortcut_map.cpp" line="65"/>
        <source>indent</source>
        <translation>缩进</translation>
    </message>
    <message>
        <location filename="../app/workbench/shortcut_map.cpp" line="79"/>
        <source>%1 is given to both &quot;%2&quot; and &quot;%3&quot;.</source>
        <translation>%1 同时分配给了“%2”和“%3”。</translation>
    </message>
    <message>
        <location filename="../app/workbench/shortcut_map.cpp" line="86"/>
        <source>%1 (&quot;%2&quot;) is the editor&apos;s key to %3.</source>
        <translation>%1（“%2”）已被编辑器用于“%3”。</translation>
    </message>
    <message>
        <location filename="../app/workbench/rankings_summary.cpp" line="18"/>
        <source>compile error</source>
        <translation>编译错误</translation>
    </message>
    <message>
        <location filename="../app/workbench/failure_label_text.cpp" line="22"/>
        <location filename="../app/workbench/rankings_summary.cpp" line="19"/>
        <source>runtime error</source>
        <translation>运行时错误</translation>
    </message>
    <message>
        <location filename="../app/workbench/rankings_summary.cpp" line="20"/>
        <source>partial</source>
        <translation>部分通过</translation>
    </message>
    <message>
        <location filename="../app/workbench/rankings_summary.cpp" line="21"/>
        <source>all pass</source>
        <translation>全部通过</translation>
    </message>
    <message>
        <location filename="../app/workbench/rankings_summary.cpp" line="22"/>
        <source>not ranked</source>
        <translation>未排序</translation>
    </message>
    <message>
        <location filename="../app/workbench/rankings_summary.cpp" line="79"/>
        <source>Items: %1 · with pairs: %2 · left out: %3 · pairs trained on: %4 · pairs dropped: %5</source>
        <translation>条目：%1 · 有样本对：%2 · 被排除：%3 · 参与训练的样本对：%4 · 被丢弃的样本对：%5</translation>
    </message>
    <message>
        <location filename="../app/workbench/rankings_summary.cpp" line="85"/>
        <source>Teachers: %1</source>
        <translation>教师：%1</translation>
    </message>
    <message>
        <location filename="../app/workbench/rankings_summary.cpp" line="85"/>
        <location filename="../app/workbench/rankings_summary.cpp" line="86"/>
        <source>no answer</source>
        <translation>无回答</translation>
    </message>
    <message>
        <location filename="../app/workbench/rankings_summary.cpp" line="86"/>
        <source>Students: %1</source>
        <translation>学生：%1</translation>
    </message>
    <message>
        <location filename="../app/workbench/rankings_summary.cpp" line="91"/>
        <source>Left out: %1</source>
        <translation>被排除：%1</translation>
    </message>
    <message>
        <location filename="../app/workbench/benchmark_runs.cpp" line="17"/>
        <source>greedy</source>
        <translation>贪心</translation>
    </message>
    <message>
        <location filename="../app/workbench/benchmark_runs.cpp" line="19"/>
        <source>side by side</source>
        <translation>并排对比</translation>
    </message>
</context>
<context>
    <name>rrtf::AnswerPane</name>
    <message>
        <location filename="../app/workbench/answer_pane.cpp" line="65"/>
        <source>Greedy</source>
        <translation>贪心</translation>
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
        <translation>种子</translation>
    </message>
    <message>
        <location filename="../app/workbench/answer_pane.cpp" line="84"/>
        <source>Maximum new tokens</source>
        <translation>最大新 token 数</translation>
    </message>
    <message>
        <location filename="../app/workbench/answer_pane.cpp" line="86"/>
        <source>Stop sequences</source>
        <translation>停止序列</translation>
    </message>
    <message>
        <location filename="../app/workbench/answer_pane.cpp" line="87"/>
        <source>Comma-separated; \n is a newline</source>
        <translation>以逗号分隔；\n 表示换行</translation>
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
        <translation>解码</translation>
    </message>
    <message>
        <location filename="../app/workbench/answer_pane.cpp" line="105"/>
        <source>seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <location filename="../app/workbench/answer_pane.cpp" line="107"/>
        <source>max tokens</source>
        <translation>最大 token 数</translation>
    </message>
    <message>
        <location filename="../app/workbench/answer_pane.cpp" line="109"/>
        <source>Limits</source>
        <translation>限制</translation>
    </message>
    <message>
        <location filename="../app/workbench/answer_pane.cpp" line="110"/>
        <source>Stop at</source>
        <translation>停止于</translation>
    </message>
    <message>
        <location filename="../app/workbench/answer_pane.cpp" line="114"/>
        <source>Answer of %1</source>
        <translation>%1 的回答</translation>
    </message>
    <message>
        <location filename="../app/workbench/answer_pane.cpp" line="125"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../app/workbench/answer_pane.cpp" line="127"/>
        <source>Run tests</source>
        <translation>运行测试</translation>
    </message>
    <message>
        <location filename="../app/workbench/answer_pane.cpp" line="129"/>
        <source>Record…</source>
        <translation>记录…</translation>
    </message>
    <message>
        <location filename="../app/workbench/answer_pane.cpp" line="130"/>
        <source>How to reproduce this answer: model, template, parameters, seed, versions</source>
        <translation>如何复现此回答：模型、模板、参数、种子、版本</translation>
    </message>
    <message>
        <location filename="../app/workbench/answer_pane.cpp" line="189"/>
        <source>waiting for the first token…</source>
        <translation>正在等待第一个 token…</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/workbench/answer_pane.cpp" line="211"/>
        <source>%n token(s)</source>
        <translation>
            <numerusform>%n 个 token</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/workbench/answer_pane.cpp" line="229"/>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../app/workbench/answer_pane.cpp" line="232"/>
        <source>%1 tokens · first token %2 ms · %3 tok/s · %4</source>
        <translation>%1 个 token · 首个 token %2 ms · %3 tok/s · %4</translation>
    </message>
    <message>
        <location filename="../app/workbench/answer_pane.cpp" line="242"/>
        <source>token limit</source>
        <translation>token 上限</translation>
    </message>
    <message>
        <location filename="../app/workbench/answer_pane.cpp" line="244"/>
        <source>end of text</source>
        <translation>文本结束</translation>
    </message>
    <message>
        <location filename="../app/workbench/answer_pane.cpp" line="246"/>
        <source>stop sequence</source>
        <translation>停止序列</translation>
    </message>
    <message>
        <location filename="../app/workbench/answer_pane.cpp" line="248"/>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../app/workbench/answer_pane.cpp" line="250"/>
        <source>error</source>
        <translation>错误</translation>
    </message>
    <message>
        <location filename="../app/workbench/answer_pane.cpp" line="267"/>
        <source>Run the problem&apos;s tests on this answer in the sandbox</source>
        <translation>在沙箱中对此回答运行该问题的测试</translation>
    </message>
    <message>
        <location filename="../app/workbench/answer_pane.cpp" line="294"/>
        <source>Reproducibility record — %1</source>
        <translation>可复现性记录 — %1</translation>
    </message>
    <message>
        <location filename="../app/workbench/answer_pane.cpp" line="298"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
</context>
<context>
    <name>rrtf::AnswerTableModel</name>
    <message>
        <location filename="../app/workbench/answer_table_model.cpp" line="114"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../app/workbench/answer_table_model.cpp" line="115"/>
        <source>Decoding</source>
        <translation>解码</translation>
    </message>
    <message>
        <location filename="../app/workbench/answer_table_model.cpp" line="116"/>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <location filename="../app/workbench/answer_table_model.cpp" line="117"/>
        <source>Sample</source>
        <translation>样本</translation>
    </message>
    <message>
        <location filename="../app/workbench/answer_table_model.cpp" line="118"/>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../app/workbench/answer_table_model.cpp" line="119"/>
        <source>Tests</source>
        <translation>测试</translation>
    </message>
    <message>
        <location filename="../app/workbench/answer_table_model.cpp" line="120"/>
        <source>Label</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../app/workbench/answer_table_model.cpp" line="121"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../app/workbench/answer_table_model.cpp" line="386"/>
        <source>No workspace is open.</source>
        <translation>未打开工作区。</translation>
    </message>
    <message>
        <location filename="../app/workbench/answer_table_model.cpp" line="389"/>
        <source>Cannot write %1.</source>
        <translation>无法写入 %1。</translation>
    </message>
    <message>
        <location filename="../app/workbench/answer_table_model.cpp" line="390"/>
        <source>Cannot write %1: the disk may be full.</source>
        <translation>无法写入 %1：磁盘可能已满。</translation>
    </message>
</context>
<context>
    <name>rrtf::BenchmarkRunner</name>
    <message>
        <location filename="../app/workbench/benchmark_runner.cpp" line="67"/>
        <source>A benchmark is already running.</source>
        <translation>已有基准测试正在运行。</translation>
    </message>
    <message>
        <location filename="../app/workbench/benchmark_runner.cpp" line="69"/>
        <source>No workspace is open.</source>
        <translation>未打开工作区。</translation>
    </message>
    <message>
        <location filename="../app/workbench/benchmark_runner.cpp" line="71"/>
        <source>Open a problem set first.</source>
        <translation>请先打开一个问题集。</translation>
    </message>
    <message>
        <location filename="../app/workbench/benchmark_runner.cpp" line="73"/>
        <source>%1: %2 Its prompts can still be run side by side.</source>
        <translation>%1：%2 其提示仍可并排运行。</translation>
    </message>
    <message>
        <location filename="../app/workbench/benchmark_runner.cpp" line="76"/>
        <source>Pick at least one model.</source>
        <translation>请至少选择一个模型。</translation>
    </message>
    <message>
        <location filename="../app/workbench/benchmark_runner.cpp" line="79"/>
        <source>%1 is not loaded.</source>
        <translation>%1 未加载。</translation>
    </message>
    <message>
        <location filename="../app/workbench/benchmark_runner.cpp" line="131"/>
        <source>generating</source>
        <translation>生成中</translation>
    </message>
    <message>
        <location filename="../app/workbench/benchmark_runner.cpp" line="363"/>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../app/workbench/benchmark_runner.cpp" line="363"/>
        <location filename="../app/workbench/benchmark_runner.cpp" line="373"/>
        <source>done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../app/workbench/benchmark_runner.cpp" line="188"/>
        <location filename="../app/workbench/benchmark_runner.cpp" line="272"/>
        <location filename="../app/workbench/benchmark_runner.cpp" line="340"/>
        <source>failed: %1</source>
        <translation>失败：%1</translation>
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
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../app/workbench/benchmark_view.cpp" line="74"/>
        <source>Decoding</source>
        <translation>解码</translation>
    </message>
    <message>
        <location filename="../app/workbench/benchmark_view.cpp" line="75"/>
        <source>Judged</source>
        <translation>已评判</translation>
    </message>
    <message>
        <location filename="../app/workbench/benchmark_view.cpp" line="76"/>
        <source>Passed</source>
        <translation>通过</translation>
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
        <translation>权重</translation>
    </message>
    <message>
        <location filename="../app/workbench/benchmark_view.cpp" line="82"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>rrtf::BenchmarkView</name>
    <message>
        <location filename="../app/workbench/benchmark_view.cpp" line="110"/>
        <source>Models to benchmark</source>
        <translation>要进行基准测试的模型</translation>
    </message>
    <message>
        <location filename="../app/workbench/benchmark_view.cpp" line="112"/>
        <source>Greedy (one answer per problem)</source>
        <translation>贪心（每个问题一个回答）</translation>
    </message>
    <message>
        <location filename="../app/workbench/benchmark_view.cpp" line="142"/>
        <source>Samples per problem</source>
        <translation>每个问题的样本数</translation>
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
        <translation>最大新 token 数</translation>
    </message>
    <message>
        <location filename="../app/workbench/benchmark_view.cpp" line="147"/>
        <source>Start or resume</source>
        <translation>开始或继续</translation>
    </message>
    <message>
        <location filename="../app/workbench/benchmark_view.cpp" line="149"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../app/workbench/benchmark_view.cpp" line="157"/>
        <source>Benchmark results</source>
        <translation>基准测试结果</translation>
    </message>
    <message>
        <location filename="../app/workbench/benchmark_view.cpp" line="253"/>
        <source>Benchmark</source>
        <translation>基准测试</translation>
    </message>
    <message>
        <location filename="../app/workbench/benchmark_view.cpp" line="272"/>
        <source>%1 of %2 judged</source>
        <translation>已评判 %1 / %2</translation>
    </message>
    <message>
        <location filename="../app/workbench/benchmark_view.cpp" line="274"/>
        <source>estimating…</source>
        <translation>正在估算…</translation>
    </message>
    <message>
        <location filename="../app/workbench/benchmark_view.cpp" line="276"/>
        <source>about %1 s left</source>
        <translation>约剩 %1 秒</translation>
    </message>
    <message>
        <location filename="../app/workbench/benchmark_view.cpp" line="288"/>
        <source>Could not read the stored runs: %1</source>
        <translation>无法读取已保存的运行：%1</translation>
    </message>
</context>
<context>
    <name>rrtf::CaseStudyView</name>
    <message>
        <location filename="../app/workbench/case_study_view.cpp" line="46"/>
        <source>No benchmark runs</source>
        <translation>没有基准测试运行</translation>
    </message>
    <message>
        <location filename="../app/workbench/case_study_view.cpp" line="49"/>
        <source>Benchmark runs on one problem set with one decoding</source>
        <translation>同一问题集、同一解码方式下的基准测试运行</translation>
    </message>
    <message>
        <location filename="../app/workbench/case_study_view.cpp" line="53"/>
        <source>Any sample passes</source>
        <translation>任一样本通过</translation>
    </message>
    <message>
        <location filename="../app/workbench/case_study_view.cpp" line="54"/>
        <source>Majority of samples pass</source>
        <translation>多数样本通过</translation>
    </message>
    <message>
        <location filename="../app/workbench/case_study_view.cpp" line="55"/>
        <source>All samples pass</source>
        <translation>所有样本通过</translation>
    </message>
    <message>
        <location filename="../app/workbench/case_study_view.cpp" line="56"/>
        <source>When a model counts as solving a problem it answered several times</source>
        <translation>模型对同一问题回答多次时，何时算作解决了该问题</translation>
    </message>
    <message>
        <location filename="../app/workbench/case_study_view.cpp" line="58"/>
        <source>UpSet plot</source>
        <translation>UpSet 图</translation>
    </message>
    <message>
        <location filename="../app/workbench/case_study_view.cpp" line="61"/>
        <source>Reload</source>
        <translation>重新加载</translation>
    </message>
    <message>
        <location filename="../app/workbench/case_study_view.cpp" line="62"/>
        <source>Read the workspace&apos;s benchmark runs again</source>
        <translation>重新读取工作区的基准测试运行</translation>
    </message>
    <message>
        <location filename="../app/workbench/case_study_view.cpp" line="65"/>
        <source>&amp;Runs:</source>
        <translation>运行(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../app/workbench/case_study_view.cpp" line="67"/>
        <source>&amp;Solved when:</source>
        <translation>解决条件(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../app/workbench/case_study_view.cpp" line="117"/>
        <source>Problems by disagreement</source>
        <translation>按分歧程度排列的问题</translation>
    </message>
    <message>
        <location filename="../app/workbench/case_study_view.cpp" line="118"/>
        <source>McNemar&apos;s test</source>
        <translation>McNemar 检验</translation>
    </message>
    <message>
        <location filename="../app/workbench/case_study_view.cpp" line="174"/>
        <source>Could not read the benchmark runs: %1</source>
        <translation>无法读取基准测试运行：%1</translation>
    </message>
    <message>
        <location filename="../app/workbench/case_study_view.cpp" line="183"/>
        <source>Unknown problem set</source>
        <translation>未知问题集</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/workbench/case_study_view.cpp" line="184"/>
        <source>%1 · %2 (%n model(s))</source>
        <translation>
            <numerusform>%1 · %2（%n 个模型）</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/workbench/case_study_view.cpp" line="225"/>
        <source>Could not read the verdicts: %1</source>
        <translation>无法读取评判结果：%1</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/workbench/case_study_view.cpp" line="228"/>
        <source>%n problem(s) judged</source>
        <translation>
            <numerusform>已评判 %n 个问题</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/workbench/case_study_view.cpp" line="230"/>
        <source>(%n sandbox error(s) left out)</source>
        <translation>
            <numerusform>（已排除 %n 个沙箱错误）</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/workbench/case_study_view.cpp" line="254"/>
        <source>Could not compare the models: %1</source>
        <translation>无法比较模型：%1</translation>
    </message>
    <message>
        <location filename="../app/workbench/case_study_view.cpp" line="276"/>
        <source>More than three models are always shown as an UpSet plot</source>
        <translation>超过三个模型时始终显示为 UpSet 图</translation>
    </message>
    <message>
        <location filename="../app/workbench/case_study_view.cpp" line="277"/>
        <source>Show the regions as bars instead of a Venn diagram</source>
        <translation>以条形图而非维恩图显示各区域</translation>
    </message>
    <message>
        <location filename="../app/workbench/case_study_view.cpp" line="286"/>
        <source>Click a region to list its problems.</source>
        <translation>点击某个区域以列出其中的问题。</translation>
    </message>
</context>
<context>
    <name>rrtf::CodeEditor</name>
    <message>
        <location filename="../widgets/code_editor.cpp" line="86"/>
        <source>Code editor</source>
        <translation>代码编辑器</translation>
    </message>
</context>
<context>
    <name>rrtf::CompareView</name>
    <message>
        <location filename="../app/workbench/compare_view.cpp" line="42"/>
        <source>Synchronised scrolling</source>
        <translation>同步滚动</translation>
    </message>
    <message>
        <location filename="../app/workbench/compare_view.cpp" line="209"/>
        <source>This prompt has no tests: pick a problem from the problem list.</source>
        <translation>此提示没有测试：请从问题列表中选择一个问题。</translation>
    </message>
    <message>
        <location filename="../app/workbench/compare_view.cpp" line="226"/>
        <source>Difference between two answers</source>
        <translation>两个回答之间的差异</translation>
    </message>
</context>
<context>
    <name>rrtf::DemoTour</name>
    <message>
        <location filename="../app/workbench/demo_tour.cpp" line="55"/>
        <source>Demo stopped: %1 did not load (see its row in Models)</source>
        <translation>演示已停止：%1 未能加载（见“模型”中它所在的行）</translation>
    </message>
    <message>
        <location filename="../app/workbench/demo_tour.cpp" line="65"/>
        <source>Demo: the three models answer %1 side by side…</source>
        <translation>演示：三个模型正在并排回答 %1…</translation>
    </message>
    <message>
        <location filename="../app/workbench/demo_tour.cpp" line="89"/>
        <source>Demo: benchmarking the three models on the demo problems (Benchmark tab; under a minute)…</source>
        <translation>演示：正在用演示问题对三个模型进行基准测试（“基准测试”标签页；不到一分钟）…</translation>
    </message>
    <message>
        <location filename="../app/workbench/demo_tour.cpp" line="103"/>
        <source>Demo ready: see the leaderboard, the case study and the base model&apos;s failures in the inspector</source>
        <translation>演示就绪：请查看排行榜、案例研究，以及检查器中基础模型的失败</translation>
    </message>
</context>
<context>
    <name>rrtf::DisagreementModel</name>
    <message>
        <location filename="../app/workbench/case_study_models.cpp" line="119"/>
        <source>Variance of the models&apos; pass fractions (mean %1)</source>
        <translation>各模型通过率的方差（均值 %1）</translation>
    </message>
    <message>
        <location filename="../app/workbench/case_study_models.cpp" line="144"/>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <location filename="../app/workbench/case_study_models.cpp" line="146"/>
        <source>Disagreement</source>
        <translation>分歧度</translation>
    </message>
</context>
<context>
    <name>rrtf::FindBar</name>
    <message>
        <location filename="../widgets/find_bar.cpp" line="18"/>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <location filename="../widgets/find_bar.cpp" line="19"/>
        <source>Find text</source>
        <translation>查找文本</translation>
    </message>
    <message>
        <location filename="../widgets/find_bar.cpp" line="21"/>
        <source>Match case</source>
        <translation>区分大小写</translation>
    </message>
    <message>
        <location filename="../widgets/find_bar.cpp" line="22"/>
        <source>Regular expression</source>
        <translation>正则表达式</translation>
    </message>
    <message>
        <location filename="../widgets/find_bar.cpp" line="23"/>
        <source>Previous</source>
        <translation>上一个</translation>
    </message>
    <message>
        <location filename="../widgets/find_bar.cpp" line="24"/>
        <source>Next</source>
        <translation>下一个</translation>
    </message>
    <message>
        <location filename="../widgets/find_bar.cpp" line="27"/>
        <source>Close the find bar</source>
        <translation>关闭查找栏</translation>
    </message>
    <message>
        <location filename="../widgets/find_bar.cpp" line="28"/>
        <source>Close (Escape)</source>
        <translation>关闭 (Escape)</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/find_bar.cpp" line="70"/>
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n 处匹配</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/find_bar.cpp" line="70"/>
        <source>Not found</source>
        <translation>未找到</translation>
    </message>
</context>
<context>
    <name>rrtf::InspectorView</name>
    <message>
        <location filename="../app/workbench/inspector_view.cpp" line="59"/>
        <source>Cannot save the annotation</source>
        <translation>无法保存标注</translation>
    </message>
    <message>
        <location filename="../app/workbench/inspector_view.cpp" line="78"/>
        <source>Answers</source>
        <translation>回答</translation>
    </message>
    <message>
        <location filename="../app/workbench/inspector_view.cpp" line="79"/>
        <source>A label&apos;s key labels the selected answer and moves to the next; Backspace clears the label</source>
        <translation>按标签的快捷键可为所选回答加标签并移到下一个；Backspace 清除标签</translation>
    </message>
    <message>
        <location filename="../app/workbench/inspector_view.cpp" line="85"/>
        <source>Failure labels</source>
        <translation>失败标签</translation>
    </message>
    <message>
        <location filename="../app/workbench/inspector_view.cpp" line="88"/>
        <source>Label:</source>
        <translation>标签：</translation>
    </message>
    <message>
        <location filename="../app/workbench/inspector_view.cpp" line="90"/>
        <source>Clear label</source>
        <translation>清除标签</translation>
    </message>
    <message>
        <location filename="../app/workbench/inspector_view.cpp" line="91"/>
        <source>Clear the label (Backspace in the table)</source>
        <translation>清除标签（在表格中按 Backspace）</translation>
    </message>
    <message>
        <location filename="../app/workbench/inspector_view.cpp" line="95"/>
        <source>Note on this answer (saved on leaving the field or with Ctrl+Return)</source>
        <translation>此回答的备注（离开输入框或按 Ctrl+Return 时保存）</translation>
    </message>
    <message>
        <location filename="../app/workbench/inspector_view.cpp" line="96"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../app/workbench/inspector_view.cpp" line="102"/>
        <source>Your name</source>
        <translation>你的名字</translation>
    </message>
    <message>
        <location filename="../app/workbench/inspector_view.cpp" line="103"/>
        <location filename="../app/workbench/inspector_view.cpp" line="108"/>
        <source>Annotator</source>
        <translation>标注者</translation>
    </message>
    <message>
        <location filename="../app/workbench/inspector_view.cpp" line="112"/>
        <source>Taxonomy…</source>
        <translation>分类体系…</translation>
    </message>
    <message>
        <location filename="../app/workbench/inspector_view.cpp" line="113"/>
        <source>Agreement…</source>
        <translation>一致性…</translation>
    </message>
    <message>
        <location filename="../app/workbench/inspector_view.cpp" line="114"/>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <location filename="../app/workbench/inspector_view.cpp" line="115"/>
        <source>Export JSONL…</source>
        <translation>导出 JSONL…</translation>
    </message>
    <message>
        <location filename="../app/workbench/inspector_view.cpp" line="160"/>
        <source>Model filter</source>
        <translation>模型筛选</translation>
    </message>
    <message>
        <location filename="../app/workbench/inspector_view.cpp" line="162"/>
        <source>Outcome filter</source>
        <translation>结果筛选</translation>
    </message>
    <message>
        <location filename="../app/workbench/inspector_view.cpp" line="164"/>
        <source>Label filter</source>
        <translation>标签筛选</translation>
    </message>
    <message>
        <location filename="../app/workbench/inspector_view.cpp" line="167"/>
        <source>Search task, answer and traceback (Ctrl+F)</source>
        <translation>搜索任务、回答和回溯信息 (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../app/workbench/inspector_view.cpp" line="169"/>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <location filename="../app/workbench/inspector_view.cpp" line="190"/>
        <location filename="../app/workbench/inspector_view.cpp" line="204"/>
        <source>Prompt</source>
        <translation>提示</translation>
    </message>
    <message>
        <location filename="../app/workbench/inspector_view.cpp" line="193"/>
        <location filename="../app/workbench/inspector_view.cpp" line="205"/>
        <source>Tests</source>
        <translation>测试</translation>
    </message>
    <message>
        <location filename="../app/workbench/inspector_view.cpp" line="197"/>
        <source>Answer</source>
        <translation>回答</translation>
    </message>
    <message>
        <location filename="../app/workbench/inspector_view.cpp" line="201"/>
        <source>Verdict detail and traceback</source>
        <translation>评判详情和回溯信息</translation>
    </message>
    <message>
        <location filename="../app/workbench/inspector_view.cpp" line="241"/>
        <location filename="../app/workbench/inspector_view.cpp" line="256"/>
        <source>Cannot read the workspace</source>
        <translation>无法读取工作区</translation>
    </message>
    <message>
        <location filename="../app/workbench/inspector_view.cpp" line="281"/>
        <location filename="../app/workbench/inspector_view.cpp" line="604"/>
        <source>Cannot read the annotations</source>
        <translation>无法读取标注</translation>
    </message>
    <message>
        <location filename="../app/workbench/inspector_view.cpp" line="305"/>
        <source>All failures</source>
        <translation>所有失败</translation>
    </message>
    <message>
        <location filename="../app/workbench/inspector_view.cpp" line="308"/>
        <source>(unlabelled)</source>
        <translation>（未标注）</translation>
    </message>
    <message>
        <location filename="../app/workbench/inspector_view.cpp" line="311"/>
        <source>All models</source>
        <translation>所有模型</translation>
    </message>
    <message>
        <location filename="../app/workbench/inspector_view.cpp" line="312"/>
        <source>All outcomes</source>
        <translation>所有结果</translation>
    </message>
    <message>
        <location filename="../app/workbench/inspector_view.cpp" line="313"/>
        <source>All labels</source>
        <translation>所有标签</translation>
    </message>
    <message>
        <location filename="../app/workbench/inspector_view.cpp" line="401"/>
        <source>%1 · %2 · %3 · sample %4</source>
        <translation>%1 · %2 · %3 · 样本 %4</translation>
    </message>
    <message>
        <location filename="../app/workbench/inspector_view.cpp" line="412"/>
        <source>Standard error:</source>
        <translation>标准错误：</translation>
    </message>
    <message>
        <location filename="../app/workbench/inspector_view.cpp" line="414"/>
        <source>Standard output:</source>
        <translation>标准输出：</translation>
    </message>
    <message>
        <location filename="../app/workbench/inspector_view.cpp" line="445"/>
        <source>%1 is not in %2</source>
        <translation>%1 不在 %2 中</translation>
    </message>
    <message>
        <location filename="../app/workbench/inspector_view.cpp" line="446"/>
        <source>Cannot read the problem set: %1</source>
        <translation>无法读取问题集：%1</translation>
    </message>
    <message>
        <location filename="../app/workbench/inspector_view.cpp" line="467"/>
        <source>No annotator</source>
        <translation>没有标注者</translation>
    </message>
    <message>
        <location filename="../app/workbench/inspector_view.cpp" line="467"/>
        <source>Enter your name as annotator before labelling.</source>
        <translation>请在标注前输入你的名字作为标注者。</translation>
    </message>
    <message>
        <location filename="../app/workbench/inspector_view.cpp" line="478"/>
        <source>Cannot save the label</source>
        <translation>无法保存标签</translation>
    </message>
    <message>
        <location filename="../app/workbench/inspector_view.cpp" line="491"/>
        <source>Cannot save the note</source>
        <translation>无法保存备注</translation>
    </message>
    <message>
        <location filename="../app/workbench/inspector_view.cpp" line="549"/>
        <source>Agreement needs labels from at least two annotators.</source>
        <translation>计算一致性需要至少两位标注者的标签。</translation>
    </message>
    <message>
        <location filename="../app/workbench/inspector_view.cpp" line="556"/>
        <source>%1: no answer labelled by both</source>
        <translation>%1：没有两人都标注过的回答</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/workbench/inspector_view.cpp" line="558"/>
        <source>%1: κ undefined over %n answer(s) (both used one label throughout)</source>
        <translation>
            <numerusform>%1：在 %n 个回答上 κ 无定义（两人始终只使用了同一个标签）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/workbench/inspector_view.cpp" line="560"/>
        <source>%1: κ = %2 over %n answer(s) (observed %3, chance %4)</source>
        <translation>
            <numerusform>%1：%n 个回答上 κ = %2（观察一致率 %3，随机一致率 %4）</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/workbench/inspector_view.cpp" line="576"/>
        <source>Cannot compute the agreement</source>
        <translation>无法计算一致性</translation>
    </message>
    <message>
        <location filename="../app/workbench/inspector_view.cpp" line="577"/>
        <source>Annotator agreement (Cohen&apos;s κ)</source>
        <translation>标注者一致性（Cohen&apos;s κ）</translation>
    </message>
    <message>
        <location filename="../app/workbench/inspector_view.cpp" line="585"/>
        <source>Export annotations as CSV</source>
        <translation>将标注导出为 CSV</translation>
    </message>
    <message>
        <location filename="../app/workbench/inspector_view.cpp" line="585"/>
        <source>Export annotations as JSONL</source>
        <translation>将标注导出为 JSONL</translation>
    </message>
    <message>
        <location filename="../app/workbench/inspector_view.cpp" line="587"/>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV 文件 (*.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../app/workbench/inspector_view.cpp" line="587"/>
        <source>JSON Lines files (*.jsonl);;All files (*)</source>
        <translation>JSON Lines 文件 (*.jsonl);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../app/workbench/inspector_view.cpp" line="63"/>
        <location filename="../app/workbench/inspector_view.cpp" line="590"/>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
</context>
<context>
    <name>rrtf::MainWindow</name>
    <message>
        <location filename="../app/workbench/main.cpp" line="44"/>
        <location filename="../app/workbench/main_window.cpp" line="54"/>
        <source>RRTF Workbench</source>
        <translation>RRTF 工作台</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="80"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="121"/>
        <source>Prompt</source>
        <translation>提示</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="122"/>
        <location filename="../app/workbench/main_window.cpp" line="432"/>
        <source>Free prompt (no tests)</source>
        <translation>自由提示（无测试）</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="123"/>
        <source>Run all</source>
        <translation>全部运行</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="124"/>
        <source>Generate an answer in every pane (Ctrl+Return)</source>
        <translation>在每个窗格中生成回答 (Ctrl+Return)</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="125"/>
        <source>Stop all</source>
        <translation>全部停止</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="126"/>
        <source>Run tests</source>
        <translation>运行测试</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="127"/>
        <source>Diff…</source>
        <translation>差异…</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="159"/>
        <source>Side by side</source>
        <translation>并排对比</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="174"/>
        <location filename="../app/workbench/main_window.cpp" line="193"/>
        <source>Models</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="175"/>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="176"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="177"/>
        <source>Load</source>
        <translation>加载</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="178"/>
        <source>Unload</source>
        <translation>卸载</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="179"/>
        <source>Template…</source>
        <translation>模板…</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="180"/>
        <source>Show and edit the prompt template of the selected model</source>
        <translation>显示并编辑所选模型的提示模板</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="200"/>
        <location filename="../app/workbench/main_window.cpp" line="203"/>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="212"/>
        <source>Benchmark</source>
        <translation>基准测试</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="215"/>
        <source>Case study</source>
        <translation>案例研究</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="224"/>
        <source>Failure inspector</source>
        <translation>失败检查器</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="233"/>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="255"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="256"/>
        <source>Open &amp;Problem Set…</source>
        <translation>打开问题集(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="257"/>
        <source>Open a problem set</source>
        <translation>打开问题集</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="258"/>
        <source>Problem sets (*.jsonl *.jsonl.gz *.json)</source>
        <translation>问题集 (*.jsonl *.jsonl.gz *.json)</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="262"/>
        <source>Open &amp;Workspace…</source>
        <translation>打开工作区(&amp;W)…</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="263"/>
        <source>Open or create a workspace</source>
        <translation>打开或创建工作区</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="264"/>
        <source>Workspaces (*.sqlite)</source>
        <translation>工作区 (*.sqlite)</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="269"/>
        <source>&amp;Recent Workspaces</source>
        <translation>最近的工作区(&amp;R)</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="270"/>
        <source>Open &amp;Rankings…</source>
        <translation>打开排序结果(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="271"/>
        <source>Open rankings</source>
        <translation>打开排序结果</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="272"/>
        <source>Rankings (*.jsonl);;All files (*)</source>
        <translation>排序结果 (*.jsonl);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="276"/>
        <source>&amp;Add Model…</source>
        <translation>添加模型(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="277"/>
        <source>&amp;Export Report…</source>
        <translation>导出报告(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="278"/>
        <location filename="../app/workbench/main_window.cpp" line="569"/>
        <source>Export a report</source>
        <translation>导出报告</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="279"/>
        <source>HTML (*.html);;Markdown (*.md)</source>
        <translation>HTML (*.html);;Markdown (*.md)</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="284"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="286"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="289"/>
        <source>&amp;Find in Prompt…</source>
        <translation>在提示中查找(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="290"/>
        <source>Find &amp;Next</source>
        <translation>查找下一个(&amp;N)</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="291"/>
        <source>Find &amp;Previous</source>
        <translation>查找上一个(&amp;P)</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="293"/>
        <source>&amp;Keyboard Shortcuts…</source>
        <translation>键盘快捷键(&amp;K)…</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="296"/>
        <source>&amp;Run</source>
        <translation>运行(&amp;R)</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="297"/>
        <source>Run &amp;All</source>
        <translation>全部运行(&amp;A)</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="299"/>
        <source>&amp;Stop All</source>
        <translation>全部停止(&amp;S)</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="301"/>
        <source>Run &amp;Tests</source>
        <translation>运行测试(&amp;T)</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="303"/>
        <source>&amp;Diff Two Answers…</source>
        <translation>比较两个回答(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="306"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="315"/>
        <source>&amp;Theme</source>
        <translation>主题(&amp;T)</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="316"/>
        <source>&amp;Reset Layout</source>
        <translation>重置布局(&amp;R)</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="318"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="319"/>
        <source>&amp;About RRTF Workbench</source>
        <translation>关于 RRTF Workbench(&amp;A)</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="320"/>
        <source>About RRTF Workbench</source>
        <translation>关于 RRTF Workbench</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="321"/>
        <source>&lt;b&gt;RRTF Workbench %1&lt;/b&gt;&lt;p&gt;Compare StarCoder-family models side by side, judge their answers in a sandbox, and train them with RRTF.&lt;/p&gt;</source>
        <translation>&lt;b&gt;RRTF Workbench %1&lt;/b&gt;&lt;p&gt;并排比较 StarCoder 系列模型，在沙箱中评判它们的回答，并用 RRTF 训练它们。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="336"/>
        <source>Cannot read the demo pack: %1</source>
        <translation>无法读取演示包：%1</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="346"/>
        <source>Demo: three small models trained by this program&apos;s own RRTF pipeline</source>
        <translation>演示：由本程序自身的 RRTF 流水线训练的三个小模型</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="604"/>
        <source>A benchmark is running. Close the window anyway? The answers judged so far are kept, and Start resumes the run next time.</source>
        <translation>基准测试正在运行。仍要关闭窗口吗？目前已评判的回答会保留，下次点击“开始或继续”即可继续此次运行。</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="355"/>
        <source>Cannot open the last problem set: %1</source>
        <translation>无法打开上次的问题集：%1</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="372"/>
        <source>Cannot open the problem set</source>
        <translation>无法打开问题集</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="400"/>
        <source>Problem %1</source>
        <translation>问题 %1</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="414"/>
        <source>%1 is not in the open problem set</source>
        <translation>%1 不在当前打开的问题集中</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="435"/>
        <source>No model is loaded: load one in the Models panel.</source>
        <translation>未加载模型：请在“模型”面板中加载一个。</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="453"/>
        <location filename="../app/workbench/main_window.cpp" line="603"/>
        <source>Benchmark running</source>
        <translation>基准测试正在运行</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="453"/>
        <source>Cancel the benchmark before opening another workspace.</source>
        <translation>请先取消基准测试，再打开其他工作区。</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="466"/>
        <source>RRTF Workbench — %1</source>
        <translation>RRTF 工作台 — %1</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="469"/>
        <source>Cannot open the workspace</source>
        <translation>无法打开工作区</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="484"/>
        <source>Hugging Face model folder</source>
        <translation>Hugging Face 模型文件夹</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="505"/>
        <source>Cancel the benchmark before removing a model.</source>
        <translation>请先取消基准测试，再移除模型。</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="516"/>
        <source>Select a model first.</source>
        <translation>请先选择一个模型。</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="542"/>
        <source>Follow the &amp;System</source>
        <translation>跟随系统(&amp;S)</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="542"/>
        <source>&amp;Light</source>
        <translation>浅色(&amp;L)</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="542"/>
        <source>&amp;Dark</source>
        <translation>深色(&amp;D)</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="563"/>
        <source>No workspace is open.</source>
        <translation>未打开工作区。</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="572"/>
        <source>Report written to %1</source>
        <translation>报告已写入 %1</translation>
    </message>
</context>
<context>
    <name>rrtf::McNemarModel</name>
    <message>
        <location filename="../app/workbench/case_study_models.cpp" line="204"/>
        <location filename="../app/workbench/case_study_models.cpp" line="205"/>
        <source>Solved by %1, not by %2</source>
        <translation>%1 解决而 %2 未解决</translation>
    </message>
    <message>
        <location filename="../app/workbench/case_study_models.cpp" line="214"/>
        <source>Exact two-sided binomial test of the discordant problems (both solved: %1, neither: %2)</source>
        <translation>对不一致问题的精确双侧二项检验（均解决：%1，均未解决：%2）</translation>
    </message>
    <message>
        <location filename="../app/workbench/case_study_models.cpp" line="224"/>
        <source>Continuity-corrected chi-square, (|b − c| − 1)² / (b + c)</source>
        <translation>连续性校正卡方，(|b − c| − 1)² / (b + c)</translation>
    </message>
    <message>
        <location filename="../app/workbench/case_study_models.cpp" line="238"/>
        <source>Model A</source>
        <translation>模型 A</translation>
    </message>
    <message>
        <location filename="../app/workbench/case_study_models.cpp" line="239"/>
        <source>Model B</source>
        <translation>模型 B</translation>
    </message>
    <message>
        <location filename="../app/workbench/case_study_models.cpp" line="240"/>
        <source>Only A</source>
        <translation>仅 A</translation>
    </message>
    <message>
        <location filename="../app/workbench/case_study_models.cpp" line="241"/>
        <source>Only B</source>
        <translation>仅 B</translation>
    </message>
    <message>
        <location filename="../app/workbench/case_study_models.cpp" line="242"/>
        <source>p-value</source>
        <translation>p 值</translation>
    </message>
    <message>
        <location filename="../app/workbench/case_study_models.cpp" line="243"/>
        <source>χ² (corrected)</source>
        <translation>χ²（校正）</translation>
    </message>
</context>
<context>
    <name>rrtf::ModelHost</name>
    <message>
        <location filename="../app/workbench/model_host.cpp" line="82"/>
        <source>Reading the checkpoint</source>
        <translation>正在读取检查点</translation>
    </message>
    <message>
        <location filename="../app/workbench/model_host.cpp" line="93"/>
        <source>Reading the weights</source>
        <translation>正在读取权重</translation>
    </message>
    <message>
        <location filename="../app/workbench/model_host.cpp" line="99"/>
        <source>Reading the tokenizer</source>
        <translation>正在读取分词器</translation>
    </message>
    <message>
        <location filename="../app/workbench/model_host.cpp" line="103"/>
        <source>Fingerprinting</source>
        <translation>正在计算指纹</translation>
    </message>
    <message>
        <location filename="../app/workbench/model_host.cpp" line="114"/>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <location filename="../app/workbench/model_host.cpp" line="140"/>
        <source>The model is not loaded.</source>
        <translation>模型未加载。</translation>
    </message>
</context>
<context>
    <name>rrtf::ModelListModel</name>
    <message>
        <location filename="../app/workbench/model_list_model.cpp" line="15"/>
        <source>not loaded</source>
        <translation>未加载</translation>
    </message>
    <message>
        <location filename="../app/workbench/model_list_model.cpp" line="16"/>
        <source>loading</source>
        <translation>加载中</translation>
    </message>
    <message>
        <location filename="../app/workbench/model_list_model.cpp" line="17"/>
        <source>loaded</source>
        <translation>已加载</translation>
    </message>
    <message>
        <location filename="../app/workbench/model_list_model.cpp" line="18"/>
        <source>failed</source>
        <translation>失败</translation>
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
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../app/workbench/model_list_model.cpp" line="95"/>
        <source>Checkpoint folder</source>
        <translation>检查点文件夹</translation>
    </message>
    <message>
        <location filename="../app/workbench/model_list_model.cpp" line="96"/>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../app/workbench/model_list_model.cpp" line="97"/>
        <source>Precision</source>
        <translation>精度</translation>
    </message>
    <message>
        <location filename="../app/workbench/model_list_model.cpp" line="98"/>
        <source>Template</source>
        <translation>模板</translation>
    </message>
    <message>
        <location filename="../app/workbench/model_list_model.cpp" line="99"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../app/workbench/model_list_model.cpp" line="100"/>
        <source>Memory</source>
        <translation>内存</translation>
    </message>
    <message>
        <location filename="../app/workbench/model_list_model.cpp" line="178"/>
        <source>float32, bfloat16 and float16 compute in that type; int8 and int4 quantise the weights at load (int4: 4 bits in groups of 128). A GPTQ folder loads quantised whatever is picked here.</source>
        <translation>float32、bfloat16 和 float16 以该类型计算；int8 和 int4 在加载时量化权重（int4：每 128 个一组，4 位）。GPTQ 文件夹无论此处选择什么都以量化形式加载。</translation>
    </message>
    <message>
        <location filename="../app/workbench/model_list_model.cpp" line="181"/>
        <source>The weights take %1 in memory, held as %2.</source>
        <translation>权重在内存中占 %1，存储形式为 %2。</translation>
    </message>
    <message>
        <location filename="../app/workbench/model_list_model.cpp" line="312"/>
        <source>Waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <location filename="../app/workbench/model_list_model.cpp" line="328"/>
        <source>Cancelling</source>
        <translation>正在取消</translation>
    </message>
</context>
<context>
    <name>rrtf::ModelPrompt</name>
    <message>
        <location filename="../app/workbench/model_prompt.cpp" line="48"/>
        <source>A template must contain {instruction}: that is where the prompt goes.</source>
        <translation>模板必须包含 {instruction}：提示将插入到该位置。</translation>
    </message>
</context>
<context>
    <name>rrtf::OutcomeBadge</name>
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
    <name>rrtf::ProblemListModel</name>
    <message>
        <location filename="../app/workbench/problem_list_model.cpp" line="11"/>
        <source>CoderEval ships its prompts only: there are no tests to judge its answers by.</source>
        <translation>CoderEval 只提供提示：没有可用来评判其答案的测试。</translation>
    </message>
    <message>
        <location filename="../app/workbench/problem_list_model.cpp" line="17"/>
        <source>Easy</source>
        <translation>简单</translation>
    </message>
    <message>
        <location filename="../app/workbench/problem_list_model.cpp" line="19"/>
        <source>Medium</source>
        <translation>中等</translation>
    </message>
    <message>
        <location filename="../app/workbench/problem_list_model.cpp" line="21"/>
        <source>Hard</source>
        <translation>困难</translation>
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
        <translation>教师 %1（最佳）</translation>
    </message>
    <message>
        <location filename="../app/workbench/ranked_answers_model.cpp" line="70"/>
        <source>Teacher %1</source>
        <translation>教师 %1</translation>
    </message>
    <message>
        <location filename="../app/workbench/ranked_answers_model.cpp" line="71"/>
        <source>Student %1</source>
        <translation>学生 %1</translation>
    </message>
    <message>
        <location filename="../app/workbench/ranked_answers_model.cpp" line="80"/>
        <source>not ranked</source>
        <translation>未排序</translation>
    </message>
    <message>
        <location filename="../app/workbench/ranked_answers_model.cpp" line="83"/>
        <source>not the best teacher answer</source>
        <translation>不是最佳教师回答</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/workbench/ranked_answers_model.cpp" line="84"/>
        <source>teacher of %n pair(s)</source>
        <translation>
            <numerusform>%n 个样本对的教师</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/workbench/ranked_answers_model.cpp" line="87"/>
        <source>pair: r_tea %1, r_stu %2</source>
        <translation>样本对：r_tea %1，r_stu %2</translation>
    </message>
    <message>
        <location filename="../app/workbench/ranked_answers_model.cpp" line="88"/>
        <source>no pair</source>
        <translation>无样本对</translation>
    </message>
    <message>
        <location filename="../app/workbench/ranked_answers_model.cpp" line="88"/>
        <source>pair dropped</source>
        <translation>样本对已丢弃</translation>
    </message>
    <message>
        <location filename="../app/workbench/ranked_answers_model.cpp" line="134"/>
        <source>Answer</source>
        <translation>回答</translation>
    </message>
    <message>
        <location filename="../app/workbench/ranked_answers_model.cpp" line="135"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../app/workbench/ranked_answers_model.cpp" line="136"/>
        <source>Temp.</source>
        <translation>温度</translation>
    </message>
    <message>
        <location filename="../app/workbench/ranked_answers_model.cpp" line="137"/>
        <source>Class</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../app/workbench/ranked_answers_model.cpp" line="138"/>
        <source>Score</source>
        <translation>分数</translation>
    </message>
    <message>
        <location filename="../app/workbench/ranked_answers_model.cpp" line="139"/>
        <source>Tests</source>
        <translation>测试</translation>
    </message>
    <message>
        <location filename="../app/workbench/ranked_answers_model.cpp" line="140"/>
        <source>Ranking</source>
        <translation>排序</translation>
    </message>
    <message>
        <location filename="../app/workbench/ranked_answers_model.cpp" line="141"/>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
</context>
<context>
    <name>rrtf::RankingsTableModel</name>
    <message>
        <location filename="../app/workbench/rankings_table_model.cpp" line="28"/>
        <location filename="../app/workbench/rankings_table_model.cpp" line="33"/>
        <source>no answer</source>
        <translation>无回答</translation>
    </message>
    <message>
        <location filename="../app/workbench/rankings_table_model.cpp" line="28"/>
        <source>none ranked</source>
        <translation>均未排序</translation>
    </message>
    <message>
        <location filename="../app/workbench/rankings_table_model.cpp" line="154"/>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <location filename="../app/workbench/rankings_table_model.cpp" line="155"/>
        <source>Instruction</source>
        <translation>指令</translation>
    </message>
    <message>
        <location filename="../app/workbench/rankings_table_model.cpp" line="156"/>
        <source>Best teacher</source>
        <translation>最佳教师</translation>
    </message>
    <message>
        <location filename="../app/workbench/rankings_table_model.cpp" line="157"/>
        <source>Students</source>
        <translation>学生</translation>
    </message>
    <message>
        <location filename="../app/workbench/rankings_table_model.cpp" line="158"/>
        <source>Pairs</source>
        <translation>样本对</translation>
    </message>
    <message>
        <location filename="../app/workbench/rankings_table_model.cpp" line="159"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>rrtf::RankingsView</name>
    <message>
        <location filename="../app/workbench/rankings_view.cpp" line="97"/>
        <source>Open…</source>
        <translation>打开…</translation>
    </message>
    <message>
        <location filename="../app/workbench/rankings_view.cpp" line="98"/>
        <source>Reload</source>
        <translation>重新加载</translation>
    </message>
    <message>
        <location filename="../app/workbench/rankings_view.cpp" line="100"/>
        <source>No rankings file open: open the rankings.jsonl that rrtf rank wrote.</source>
        <translation>未打开排序结果文件：请打开 rrtf rank 写出的 rankings.jsonl。</translation>
    </message>
    <message>
        <location filename="../app/workbench/rankings_view.cpp" line="126"/>
        <source>Ranked items</source>
        <translation>已排序条目</translation>
    </message>
    <message>
        <location filename="../app/workbench/rankings_view.cpp" line="180"/>
        <source>Search task, instruction, reason and model (Ctrl+F)</source>
        <translation>搜索任务、指令、原因和模型 (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../app/workbench/rankings_view.cpp" line="182"/>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <location filename="../app/workbench/rankings_view.cpp" line="184"/>
        <source>Best teacher class filter</source>
        <translation>最佳教师类别筛选</translation>
    </message>
    <message>
        <location filename="../app/workbench/rankings_view.cpp" line="185"/>
        <source>Best teacher: any class</source>
        <translation>最佳教师：任意类别</translation>
    </message>
    <message>
        <location filename="../app/workbench/rankings_view.cpp" line="187"/>
        <source>Student class filter</source>
        <translation>学生类别筛选</translation>
    </message>
    <message>
        <location filename="../app/workbench/rankings_view.cpp" line="188"/>
        <source>Items with at least one student answer of this class</source>
        <translation>至少有一个学生回答属于此类别的条目</translation>
    </message>
    <message>
        <location filename="../app/workbench/rankings_view.cpp" line="189"/>
        <source>Students: any class</source>
        <translation>学生：任意类别</translation>
    </message>
    <message>
        <location filename="../app/workbench/rankings_view.cpp" line="190"/>
        <source>Only items with a reason or a dropped pair</source>
        <translation>仅显示有原因或有被丢弃样本对的条目</translation>
    </message>
    <message>
        <location filename="../app/workbench/rankings_view.cpp" line="191"/>
        <source>Items left out, and items where a pair was dropped or an answer was not ranked</source>
        <translation>被排除的条目，以及有样本对被丢弃或有回答未排序的条目</translation>
    </message>
    <message>
        <location filename="../app/workbench/rankings_view.cpp" line="218"/>
        <source>Instruction</source>
        <translation>指令</translation>
    </message>
    <message>
        <location filename="../app/workbench/rankings_view.cpp" line="223"/>
        <source>Answers of the item</source>
        <translation>该条目的回答</translation>
    </message>
    <message>
        <location filename="../app/workbench/rankings_view.cpp" line="232"/>
        <source>Pairs the loss uses</source>
        <translation>损失使用的样本对</translation>
    </message>
    <message>
        <location filename="../app/workbench/rankings_view.cpp" line="239"/>
        <source>Pairs the loss will use:</source>
        <translation>损失将使用的样本对：</translation>
    </message>
    <message>
        <location filename="../app/workbench/rankings_view.cpp" line="243"/>
        <source>Show the whole response (training keeps only the code)</source>
        <translation>显示完整回答（训练只保留代码）</translation>
    </message>
    <message>
        <location filename="../app/workbench/rankings_view.cpp" line="248"/>
        <source>Answer code</source>
        <translation>回答代码</translation>
    </message>
    <message>
        <location filename="../app/workbench/rankings_view.cpp" line="253"/>
        <source>Verdict and ranking of the answer</source>
        <translation>回答的判定与排序</translation>
    </message>
    <message>
        <location filename="../app/workbench/rankings_view.cpp" line="273"/>
        <source>Rankings</source>
        <translation>排序结果</translation>
    </message>
    <message>
        <location filename="../app/workbench/rankings_view.cpp" line="294"/>
        <source>Reading %1…</source>
        <translation>正在读取 %1…</translation>
    </message>
    <message>
        <location filename="../app/workbench/rankings_view.cpp" line="311"/>
        <source>Cannot read the rankings: %1</source>
        <translation>无法读取排序结果：%1</translation>
    </message>
    <message>
        <location filename="../app/workbench/rankings_view.cpp" line="312"/>
        <source>No rankings file open.</source>
        <translation>未打开排序结果文件。</translation>
    </message>
    <message>
        <location filename="../app/workbench/rankings_view.cpp" line="327"/>
        <source>Rankings — %1</source>
        <translation>排序结果 — %1</translation>
    </message>
    <message>
        <location filename="../app/workbench/rankings_view.cpp" line="352"/>
        <source>Open rankings</source>
        <translation>打开排序结果</translation>
    </message>
    <message>
        <location filename="../app/workbench/rankings_view.cpp" line="353"/>
        <source>Rankings (*.jsonl);;All files (*)</source>
        <translation>排序结果 (*.jsonl);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../app/workbench/rankings_view.cpp" line="366"/>
        <source>%1 of %2 items</source>
        <translation>%1 / %2 个条目</translation>
    </message>
    <message>
        <location filename="../app/workbench/rankings_view.cpp" line="400"/>
        <source>Select an item to see its answers.</source>
        <translation>选择一个条目以查看其回答。</translation>
    </message>
    <message>
        <location filename="../app/workbench/rankings_view.cpp" line="406"/>
        <source>%1 — %2 teacher and %3 student answers</source>
        <translation>%1 — %2 个教师回答和 %3 个学生回答</translation>
    </message>
    <message>
        <location filename="../app/workbench/rankings_view.cpp" line="429"/>
        <source>None: %1</source>
        <translation>无：%1</translation>
    </message>
    <message>
        <location filename="../app/workbench/rankings_view.cpp" line="429"/>
        <source>the item yields no pair</source>
        <translation>该条目不产生样本对</translation>
    </message>
    <message>
        <location filename="../app/workbench/rankings_view.cpp" line="431"/>
        <source>Teacher %1 (%2, %3, score %4) against:</source>
        <translation>教师 %1（%2，%3，分数 %4）对比：</translation>
    </message>
    <message>
        <location filename="../app/workbench/rankings_view.cpp" line="437"/>
        <source>  Student %1 (%2, %3): r_tea %4, r_stu %5, weight %6</source>
        <translation>  学生 %1（%2，%3）：r_tea %4，r_stu %5，权重 %6</translation>
    </message>
    <message>
        <location filename="../app/workbench/rankings_view.cpp" line="446"/>
        <source>  Student %1 dropped: %2</source>
        <translation>  学生 %1 已丢弃：%2</translation>
    </message>
    <message>
        <location filename="../app/workbench/rankings_view.cpp" line="461"/>
        <source>%1 · %2 · temperature %3</source>
        <translation>%1 · %2 · 温度 %3</translation>
    </message>
    <message>
        <location filename="../app/workbench/rankings_view.cpp" line="464"/>
        <source>Outcome: %1 · tests passed: %2 of %3 · class: %4 · score: %5</source>
        <translation>结果：%1 · 通过测试：%2 / %3 · 类别：%4 · 分数：%5</translation>
    </message>
    <message>
        <location filename="../app/workbench/rankings_view.cpp" line="470"/>
        <source>Ranking: %1</source>
        <translation>排序：%1</translation>
    </message>
    <message>
        <location filename="../app/workbench/rankings_view.cpp" line="472"/>
        <source>Reason: %1</source>
        <translation>原因：%1</translation>
    </message>
    <message>
        <location filename="../app/workbench/rankings_view.cpp" line="474"/>
        <source>Detail: %1</source>
        <translation>详情：%1</translation>
    </message>
</context>
<context>
    <name>rrtf::RegionProblemsModel</name>
    <message>
        <location filename="../app/workbench/case_study_models.cpp" line="19"/>
        <source>%1: no sample judged</source>
        <translation>%1：没有已评判的样本</translation>
    </message>
    <message>
        <location filename="../app/workbench/case_study_models.cpp" line="20"/>
        <source>%1: %2 of %3 samples passed</source>
        <translation>%1：%3 个样本中 %2 个通过</translation>
    </message>
</context>
<context>
    <name>rrtf::ShortcutsDialog</name>
    <message>
        <location filename="../app/workbench/shortcuts_dialog.cpp" line="33"/>
        <source>Keyboard Shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <location filename="../app/workbench/shortcuts_dialog.cpp" line="34"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../app/workbench/shortcuts_dialog.cpp" line="34"/>
        <source>Shortcut</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <location filename="../app/workbench/shortcuts_dialog.cpp" line="34"/>
        <source>Default</source>
        <translation>默认</translation>
    </message>
    <message>
        <location filename="../app/workbench/shortcuts_dialog.cpp" line="39"/>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <location filename="../app/workbench/shortcuts_dialog.cpp" line="48"/>
        <source>Shortcut for %1</source>
        <translation>%1 的快捷键</translation>
    </message>
    <message>
        <location filename="../app/workbench/shortcuts_dialog.cpp" line="59"/>
        <source>Click a shortcut and press the new keys; the clear button removes it.</source>
        <translation>点击某个快捷键并按下新的按键；清除按钮可将其移除。</translation>
    </message>
</context>
<context>
    <name>rrtf::TaxonomyDialog</name>
    <message>
        <location filename="../app/workbench/taxonomy_dialog.cpp" line="24"/>
        <location filename="../app/workbench/taxonomy_dialog.cpp" line="59"/>
        <location filename="../app/workbench/taxonomy_dialog.cpp" line="70"/>
        <source>Failure taxonomy</source>
        <translation>失败分类体系</translation>
    </message>
    <message>
        <location filename="../app/workbench/taxonomy_dialog.cpp" line="25"/>
        <source>Failure labels</source>
        <translation>失败标签</translation>
    </message>
    <message>
        <location filename="../app/workbench/taxonomy_dialog.cpp" line="28"/>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <location filename="../app/workbench/taxonomy_dialog.cpp" line="28"/>
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <location filename="../app/workbench/taxonomy_dialog.cpp" line="29"/>
        <source>Set key…</source>
        <translation>设置快捷键…</translation>
    </message>
    <message>
        <location filename="../app/workbench/taxonomy_dialog.cpp" line="29"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../app/workbench/taxonomy_dialog.cpp" line="36"/>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <location filename="../app/workbench/taxonomy_dialog.cpp" line="37"/>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <location filename="../app/workbench/taxonomy_dialog.cpp" line="91"/>
        <source>Add label</source>
        <translation>添加标签</translation>
    </message>
    <message>
        <location filename="../app/workbench/taxonomy_dialog.cpp" line="91"/>
        <location filename="../app/workbench/taxonomy_dialog.cpp" line="120"/>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <location filename="../app/workbench/taxonomy_dialog.cpp" line="120"/>
        <source>Rename label</source>
        <translation>重命名标签</translation>
    </message>
    <message>
        <location filename="../app/workbench/taxonomy_dialog.cpp" line="138"/>
        <source>Label key</source>
        <translation>标签快捷键</translation>
    </message>
    <message>
        <location filename="../app/workbench/taxonomy_dialog.cpp" line="138"/>
        <source>One character (empty: none):</source>
        <translation>一个字符（留空表示无）：</translation>
    </message>
    <message>
        <location filename="../app/workbench/taxonomy_dialog.cpp" line="148"/>
        <source>Delete label</source>
        <translation>删除标签</translation>
    </message>
    <message>
        <location filename="../app/workbench/taxonomy_dialog.cpp" line="149"/>
        <source>Delete “%1”? Answers labelled with it keep their notes and become unlabelled.</source>
        <translation>删除“%1”？带有此标签的回答会保留备注，并变为未标注。</translation>
    </message>
</context>
<context>
    <name>rrtf::TemplateDialog</name>
    <message>
        <location filename="../app/workbench/template_dialog.cpp" line="37"/>
        <source>Prompt template of %1</source>
        <translation>%1 的提示模板</translation>
    </message>
    <message>
        <location filename="../app/workbench/template_dialog.cpp" line="41"/>
        <source>Start from a built-in template</source>
        <translation>从内置模板开始</translation>
    </message>
    <message>
        <location filename="../app/workbench/template_dialog.cpp" line="42"/>
        <source>Template text</source>
        <translation>模板文本</translation>
    </message>
    <message>
        <location filename="../app/workbench/template_dialog.cpp" line="44"/>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <location filename="../app/workbench/template_dialog.cpp" line="49"/>
        <source>Start from:</source>
        <translation>基于模板：</translation>
    </message>
    <message>
        <location filename="../app/workbench/template_dialog.cpp" line="52"/>
        <source>Template ({instruction} is replaced by the prompt):</source>
        <translation>模板（{instruction} 会被替换为提示）：</translation>
    </message>
    <message>
        <location filename="../app/workbench/template_dialog.cpp" line="54"/>
        <source>What the model is given for a sample instruction:</source>
        <translation>对于示例指令，模型收到的内容：</translation>
    </message>
    <message>
        <location filename="../app/workbench/template_dialog.cpp" line="96"/>
        <source>Write a function that returns the sum of a list of numbers.</source>
        <translation>编写一个函数，返回一个数字列表的总和。</translation>
    </message>
</context>
<context>
    <name>rrtf::TrainingChart</name>
    <message>
        <location filename="../widgets/training_chart.cpp" line="37"/>
        <source>Drag to zoom, double-click to follow the run again</source>
        <translation>拖动可缩放，双击可重新跟随运行</translation>
    </message>
</context>
<context>
    <name>rrtf::TrainingJobDialog</name>
    <message>
        <location filename="../app/workbench/training_job_dialog.cpp" line="56"/>
        <source>Recompute activations in the backward pass (less memory)</source>
        <translation>在反向传播中重新计算激活值（节省内存）</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_job_dialog.cpp" line="64"/>
        <source>New training job</source>
        <translation>新建训练作业</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_job_dialog.cpp" line="65"/>
        <source>Run folder:</source>
        <translation>运行文件夹：</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_job_dialog.cpp" line="66"/>
        <source>Student model:</source>
        <translation>学生模型：</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_job_dialog.cpp" line="68"/>
        <source>View…</source>
        <translation>查看…</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_job_dialog.cpp" line="69"/>
        <source>View the rankings</source>
        <translation>查看排序结果</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_job_dialog.cpp" line="70"/>
        <source>Show the ranked answers and the pairs of this file</source>
        <translation>显示此文件中已排序的回答和样本对</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_job_dialog.cpp" line="71"/>
        <source>Rankings:</source>
        <translation>排序结果：</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_job_dialog.cpp" line="71"/>
        <source>Rankings (*.jsonl)</source>
        <translation>排序结果 (*.jsonl)</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_job_dialog.cpp" line="74"/>
        <source>Held-out problems:</source>
        <translation>留出问题：</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_job_dialog.cpp" line="74"/>
        <source>Problem sets (*.jsonl *.jsonl.gz *.json)</source>
        <translation>问题集 (*.jsonl *.jsonl.gz *.json)</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_job_dialog.cpp" line="75"/>
        <source>RRTF: ranking + supervised loss</source>
        <translation>RRTF：排序损失 + 监督损失</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_job_dialog.cpp" line="76"/>
        <source>Supervised fine-tuning only</source>
        <translation>仅监督微调</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_job_dialog.cpp" line="77"/>
        <source>Objective:</source>
        <translation>训练目标：</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_job_dialog.cpp" line="78"/>
        <source>Epochs:</source>
        <translation>训练轮数：</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_job_dialog.cpp" line="79"/>
        <source>Global batch (prompts):</source>
        <translation>全局批大小（提示数）：</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_job_dialog.cpp" line="80"/>
        <source>Micro batch (prompts):</source>
        <translation>微批大小（提示数）：</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_job_dialog.cpp" line="85"/>
        <source>Learning rate:</source>
        <translation>学习率：</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_job_dialog.cpp" line="86"/>
        <source>Warm-up steps:</source>
        <translation>预热步数：</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_job_dialog.cpp" line="88"/>
        <source>Schedule:</source>
        <translation>学习率调度：</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_job_dialog.cpp" line="90"/>
        <source>Precision:</source>
        <translation>精度：</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_job_dialog.cpp" line="93"/>
        <source>Clip gradients at norm:</source>
        <translation>梯度裁剪范数：</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_job_dialog.cpp" line="94"/>
        <source>Gradient checkpointing:</source>
        <translation>梯度检查点：</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_job_dialog.cpp" line="95"/>
        <source>off (train every weight)</source>
        <translation>关闭（训练所有权重）</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_job_dialog.cpp" line="96"/>
        <source>LoRA rank:</source>
        <translation>LoRA 秩：</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_job_dialog.cpp" line="97"/>
        <source>at the end only</source>
        <translation>仅在结束时</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_job_dialog.cpp" line="98"/>
        <source>Evaluate every (steps):</source>
        <translation>评估间隔（步）：</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_job_dialog.cpp" line="99"/>
        <source>Checkpoint every (steps):</source>
        <translation>检查点间隔（步）：</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_job_dialog.cpp" line="100"/>
        <source>Seed:</source>
        <translation>种子：</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_job_dialog.cpp" line="122"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_job_dialog.cpp" line="125"/>
        <source>Browse for %1</source>
        <translation>浏览%1</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_job_dialog.cpp" line="175"/>
        <source>Choose a folder for the run.</source>
        <translation>请为此次运行选择一个文件夹。</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_job_dialog.cpp" line="177"/>
        <source>Choose the student model&apos;s folder.</source>
        <translation>请选择学生模型的文件夹。</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_job_dialog.cpp" line="179"/>
        <source>Choose a rankings file (made by rrtf rank).</source>
        <translation>请选择一个排序结果文件（由 rrtf rank 生成）。</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_job_dialog.cpp" line="195"/>
        <source>%1 has no item with a teacher answer: there is nothing to train on.</source>
        <translation>%1 中没有带教师答案的条目：没有可训练的内容。</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_job_dialog.cpp" line="197"/>
        <source>%1 has no pairs (no student answer ranked below its teacher): the RRTF objective would only fine-tune on the teacher answers. Choose &quot;Supervised fine-tuning only&quot; for that, or rank sampled student answers (rrtf sample, then rrtf rank).</source>
        <translation>%1 没有样本对（没有排在其教师回答之下的学生回答）：RRTF 训练目标只会在教师回答上进行微调。若只需如此，请选择“仅监督微调”；否则请对采样得到的学生回答进行排序（先运行 rrtf sample，再运行 rrtf rank）。</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_job_dialog.cpp" line="205"/>
        <source>This folder already holds a run: choose a new one (to continue that run, open it).</source>
        <translation>此文件夹中已有一次运行：请选择一个新文件夹（若要继续该运行，请打开它）。</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_job_dialog.cpp" line="257"/>
        <source>Cannot create the folder %1.</source>
        <translation>无法创建文件夹 %1。</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_job_dialog.cpp" line="262"/>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>rrtf::TrainingRun</name>
    <message>
        <location filename="../app/workbench/training_run.cpp" line="83"/>
        <source>Cannot start %1: %2</source>
        <translation>无法启动 %1：%2</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_run.cpp" line="96"/>
        <source>The job of %1 is not running.</source>
        <translation>%1 的作业未在运行。</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_run.cpp" line="99"/>
        <source>The job of %1 is not running: it stopped unexpectedly at step %2.</source>
        <translation>%1 的任务未在运行：它在第 %2 步意外停止。</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_run.cpp" line="108"/>
        <source>Cannot ask the job of %1 to stop: %2</source>
        <translation>无法请求 %1 的任务停止：%2</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_run.cpp" line="112"/>
        <source>The job of %1 runs on %2: it was asked to stop through %3, which reaches it only if %2 sees this folder (a shared filesystem). No process was signalled.</source>
        <translation>%1 的任务运行在 %2 上：已通过 %3 请求它停止，只有当 %2 能看到此文件夹（共享文件系统）时请求才会送达。没有向任何进程发送信号。</translation>
    </message>
</context>
<context>
    <name>rrtf::TrainingView</name>
    <message>
        <location filename="../app/workbench/training_view.cpp" line="38"/>
        <source>Loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_view.cpp" line="39"/>
        <source>Rank loss</source>
        <translation>排序损失</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_view.cpp" line="40"/>
        <source>SFT loss</source>
        <translation>SFT 损失</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_view.cpp" line="41"/>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_view.cpp" line="42"/>
        <source>Tokens/s</source>
        <translation>每秒 token 数</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_view.cpp" line="43"/>
        <source>pass@1 (held-out)</source>
        <translation>pass@1（留出问题）</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_view.cpp" line="48"/>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_view.cpp" line="49"/>
        <source>finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_view.cpp" line="50"/>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_view.cpp" line="51"/>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_view.cpp" line="76"/>
        <source>Log x</source>
        <translation>对数 x</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_view.cpp" line="77"/>
        <source>Log y</source>
        <translation>对数 y</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_view.cpp" line="82"/>
        <source>Demo: RRTF vs SFT</source>
        <translation>演示：RRTF 与 SFT 对比</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_view.cpp" line="86"/>
        <source>Training runs</source>
        <translation>训练运行</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_view.cpp" line="87"/>
        <source>Checked runs are drawn; the selected run&apos;s status and log are shown below</source>
        <translation>绘制已勾选的运行；所选运行的状态和日志显示在下方</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_view.cpp" line="88"/>
        <source>New job…</source>
        <translation>新建作业…</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_view.cpp" line="89"/>
        <source>Open run…</source>
        <translation>打开运行…</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_view.cpp" line="90"/>
        <location filename="../app/workbench/training_view.cpp" line="457"/>
        <source>Cancel job</source>
        <translation>取消作业</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_view.cpp" line="91"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_view.cpp" line="92"/>
        <source>Stop following the selected run (its folder stays)</source>
        <translation>停止跟踪所选运行（其文件夹会保留）</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_view.cpp" line="93"/>
        <source>View rankings…</source>
        <translation>查看排序结果…</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_view.cpp" line="94"/>
        <source>See what a job trains on: the ranked answers and pairs of a rankings file</source>
        <translation>查看任务训练的内容：排序结果文件中已排序的回答和样本对</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_view.cpp" line="109"/>
        <source>Fine-tune the demo base model twice on the demo task, with RRTF and with supervised fine-tuning, and watch held-out pass@1 rise (a few minutes)</source>
        <translation>在演示任务上分别用 RRTF 和监督微调对演示基础模型各微调一次，并观察留出问题上的 pass@1 上升（需要几分钟）</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_view.cpp" line="115"/>
        <source>Demo jobs</source>
        <translation>演示作业</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_view.cpp" line="124"/>
        <source>Step</source>
        <translation>步数</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_view.cpp" line="125"/>
        <source>Training time (s)</source>
        <translation>训练时间（秒）</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_view.cpp" line="126"/>
        <source>Wall clock (Unix s)</source>
        <translation>挂钟时间（Unix 秒）</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_view.cpp" line="127"/>
        <source>Tokens seen</source>
        <translation>已处理 token 数</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_view.cpp" line="130"/>
        <source>Smoothing</source>
        <translation>平滑</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_view.cpp" line="131"/>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_view.cpp" line="132"/>
        <source>Export PNG…</source>
        <translation>导出 PNG…</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_view.cpp" line="134"/>
        <location filename="../app/workbench/training_view.cpp" line="137"/>
        <source>Export curves</source>
        <translation>导出曲线</translation>
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
        <translation>无法写入 %1。</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_view.cpp" line="140"/>
        <location filename="../app/workbench/training_view.cpp" line="143"/>
        <source>Export charts</source>
        <translation>导出图表</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_view.cpp" line="141"/>
        <source>PNG images (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_view.cpp" line="146"/>
        <source>X axis:</source>
        <translation>X 轴：</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_view.cpp" line="148"/>
        <source>Smoothing:</source>
        <translation>平滑：</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_view.cpp" line="167"/>
        <source>Job log</source>
        <translation>作业日志</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_view.cpp" line="324"/>
        <source>%1: no job status yet</source>
        <translation>%1：尚无作业状态</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_view.cpp" line="327"/>
        <source>%1: stopped unexpectedly at step %2 (start it again to resume)</source>
        <translation>%1：在第 %2 步意外停止（再次启动即可继续）</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_view.cpp" line="330"/>
        <source>%1: running on %2, step %3 of %4</source>
        <translation>%1：运行在 %2 上，第 %3 / %4 步</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_view.cpp" line="334"/>
        <source>%1: %2, step %3 of %4</source>
        <translation>%1：%2，第 %3 步（共 %4 步）</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_view.cpp" line="338"/>
        <source>, stopping after this step</source>
        <translation>，将在本步之后停止</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_view.cpp" line="399"/>
        <location filename="../app/workbench/training_view.cpp" line="404"/>
        <source>New training job</source>
        <translation>新建训练作业</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_view.cpp" line="443"/>
        <source>Open a training run</source>
        <translation>打开训练运行</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_view.cpp" line="476"/>
        <source>View rankings</source>
        <translation>查看排序结果</translation>
    </message>
    <message>
        <location filename="../app/workbench/training_view.cpp" line="477"/>
        <source>Rankings (*.jsonl);;All files (*)</source>
        <translation>排序结果 (*.jsonl);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>rrtf::VennView</name>
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
</TS>

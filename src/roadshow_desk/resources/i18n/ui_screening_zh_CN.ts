<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>LibraryScreening</name>
    <message>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <source>%1 patents put on the shortlist.</source>
        <translation>已将 %1 件专利加入推介清单。</translation>
    </message>
    <message>
        <source>Scoring rubric…</source>
        <translation>评分方案…</translation>
    </message>
    <message>
        <source>Add to shortlist</source>
        <translation>加入推介清单</translation>
    </message>
</context>
<context>
    <name>MatchModel</name>
    <message>
        <source>Patent</source>
        <translation>专利</translation>
    </message>
    <message>
        <source>Enterprise</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>匹配度</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>匹配理由</translation>
    </message>
</context>
<context>
    <name>MatchSuggestionsView</name>
    <message>
        <source>Patents that fit this enterprise</source>
        <translation>适合该企业的专利</translation>
    </message>
    <message>
        <source>Enterprises to invite</source>
        <translation>建议邀请的企业</translation>
    </message>
    <message>
        <source>Nothing selected.</source>
        <translation>未选择。</translation>
    </message>
    <message>
        <source>Looking for matches…</source>
        <translation>正在查找匹配…</translation>
    </message>
    <message>
        <source>No patent fits yet: give the enterprise keywords, an industry or IPC classes of interest.</source>
        <translation>暂无匹配的专利：请为该企业填写关键词、所属行业或关注的 IPC 分类。</translation>
    </message>
    <message>
        <source>No registered enterprise states an interest that fits.</source>
        <translation>已登记的企业中暂无需求与之匹配。</translation>
    </message>
</context>
<context>
    <name>PatentScreeningPane</name>
    <message>
        <source>Score %1: %2</source>
        <translation>评分 %1：%2</translation>
    </message>
</context>
<context>
    <name>RubricDialog</name>
    <message>
        <source>Patents per score band: %1</source>
        <translation>各分数段专利数：%1</translation>
    </message>
    <message>
        <source>Select a patent in the library to see its score.</source>
        <translation>在专利库中选择一件专利即可查看其得分。</translation>
    </message>
    <message>
        <source>%1 — score %2</source>
        <translation>%1 —— 评分 %2</translation>
    </message>
    <message>
        <source>Recomputing the scores</source>
        <translation>正在重新计算分数</translation>
    </message>
    <message>
        <source>Scores recomputed: %1 patents changed.</source>
        <translation>已重新评分：%1 件专利的分数有变化。</translation>
    </message>
    <message>
        <source>Rescoring cancelled: the rubric and the scores are as they were.</source>
        <translation>已取消重新评分：评分方案和分数保持不变。</translation>
    </message>
    <message>
        <source>Save rubric as</source>
        <translation>另存评分方案</translation>
    </message>
    <message>
        <source>Name of the new rubric:</source>
        <translation>新评分方案的名称：</translation>
    </message>
    <message>
        <source>Delete the rubric “%1”?</source>
        <translation>删除评分方案“%1”？</translation>
    </message>
    <message>
        <source>Scoring rubric</source>
        <translation>评分方案</translation>
    </message>
    <message>
        <source>&amp;Rubric:</source>
        <translation>评分方案(&amp;R)：</translation>
    </message>
    <message>
        <source>Save as new…</source>
        <translation>另存为新方案…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Points per criterion</source>
        <translation>各项得分</translation>
    </message>
    <message>
        <source>Thresholds</source>
        <translation>阈值</translation>
    </message>
    <message>
        <source>With these points</source>
        <translation>按当前分值</translation>
    </message>
</context>
<context>
    <name>SearchBox</name>
    <message>
        <source>Search titles, abstracts, applicants, inventors, IPC, numbers…</source>
        <translation>搜索名称、摘要、申请人、发明人、IPC、申请号…</translation>
    </message>
</context>
</TS>

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
        <source>Nothing added to the shortlist.</source>
        <translation>没有专利加入推介清单。</translation>
    </message>
    <message>
        <source>1 patent put on the shortlist.</source>
        <translation>已将 1 件专利加入推介清单。</translation>
    </message>
    <message>
        <source>%1 patents put on the shortlist.</source>
        <translation>已将 %1 件专利加入推介清单。</translation>
    </message>
    <message>
        <source>%1 already on it.</source>
        <translation>%1 件已在清单中。</translation>
    </message>
    <message>
        <source>%1 deleted, not added.</source>
        <translation>%1 件已删除，未加入。</translation>
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
    <name>PatentScreeningPane</name>
    <message>
        <source>Score %1: %2</source>
        <translation>评分 %1：%2</translation>
    </message>
</context>
<context>
    <name>RubricCommands</name>
    <message>
        <source>Apply rubric %1</source>
        <translation>应用评分方案 %1</translation>
    </message>
    <message>
        <source>Save rubric %1</source>
        <translation>保存评分方案 %1</translation>
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
        <source>Scores recomputed: %1 patents changed.</source>
        <translation>已重新评分：%1 件专利的分数有变化。</translation>
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
    <message>
        <source>Recomputing the scores</source>
        <translation>正在重新计算分数</translation>
    </message>
    <message>
        <source>Rescoring cancelled: the rubric and the scores are as they were.</source>
        <translation>已取消重新评分：评分方案和分数保持不变。</translation>
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

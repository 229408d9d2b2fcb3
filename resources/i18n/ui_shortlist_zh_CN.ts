<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ShortlistCommands</name>
    <message>
        <source>Add a patent to the shortlist</source>
        <translation>将专利加入推介清单</translation>
    </message>
    <message>
        <source>Add %1 patents to the shortlist</source>
        <translation>将 %1 件专利加入推介清单</translation>
    </message>
    <message>
        <source>Remove a patent from the shortlist</source>
        <translation>从推介清单移除专利</translation>
    </message>
    <message>
        <source>Remove %1 patents from the shortlist</source>
        <translation>从推介清单移除 %1 件专利</translation>
    </message>
    <message>
        <source>Group the shortlist by field</source>
        <translation>按技术领域分组</translation>
    </message>
    <message>
        <source>Reorder the shortlist</source>
        <translation>调整推介顺序</translation>
    </message>
    <message>
        <source>Include a patent</source>
        <translation>纳入专利</translation>
    </message>
    <message>
        <source>Exclude a patent</source>
        <translation>排除专利</translation>
    </message>
    <message>
        <source>Edit tags</source>
        <translation>编辑标签</translation>
    </message>
    <message>
        <source>Edit presenter&apos;s notes</source>
        <translation>编辑路演备注</translation>
    </message>
</context>
<context>
    <name>ShortlistModel</name>
    <message>
        <source>#</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Application number</source>
        <translation>申请号</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>专利名称</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>技术领域</translation>
    </message>
    <message>
        <source>Institution</source>
        <translation>所属机构</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>评分</translation>
    </message>
    <message>
        <source>Included</source>
        <translation>入选</translation>
    </message>
    <message>
        <source>Reason for exclusion</source>
        <translation>排除原因</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Presenter&apos;s notes</source>
        <translation>路演备注</translation>
    </message>
    <message>
        <source>Excluded</source>
        <translation>已排除</translation>
    </message>
</context>
<context>
    <name>ShortlistPage</name>
    <message>
        <source>What the presenter should stress (never shown on the projector).</source>
        <translation>路演人需要强调的内容（不会显示在投影上）。</translation>
    </message>
    <message>
        <source>Save notes</source>
        <translation>保存备注</translation>
    </message>
    <message>
        <source>Presenter&apos;s notes</source>
        <translation>路演备注</translation>
    </message>
    <message>
        <source>Drag patents here from the library, or use its “Add to shortlist”.</source>
        <translation>可将专利从专利库拖到这里，或在专利库中使用“加入推介清单”。</translation>
    </message>
    <message>
        <source>Remove from shortlist</source>
        <translation>移出推介清单</translation>
    </message>
    <message>
        <source>Include</source>
        <translation>纳入</translation>
    </message>
    <message>
        <source>Exclude…</source>
        <translation>排除…</translation>
    </message>
    <message>
        <source>Tags…</source>
        <translation>标签…</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>Group by field</source>
        <translation>按领域分组</translation>
    </message>
    <message>
        <source>Export shortlist…</source>
        <translation>导出推介清单…</translation>
    </message>
    <message>
        <source>Invitation list…</source>
        <translation>邀请名单…</translation>
    </message>
    <message>
        <source>Shortlist</source>
        <translation>推介清单</translation>
    </message>
    <message>
        <source>the presenter&apos;s notes of %1</source>
        <translation>%1 的路演备注</translation>
    </message>
    <message>
        <source>No event yet: create one on the event page.</source>
        <translation>尚无活动：请先在活动页面创建。</translation>
    </message>
    <message>
        <source>%1 patents, %2 included</source>
        <translation>共 %1 件专利，入选 %2 件</translation>
    </message>
    <message>
        <source>Create the event first (on the event page).</source>
        <translation>请先在活动页面创建活动。</translation>
    </message>
    <message>
        <source>Include %1 patents</source>
        <translation>纳入 %1 件专利</translation>
    </message>
    <message>
        <source>Exclude</source>
        <translation>排除</translation>
    </message>
    <message>
        <source>Why is it left out of the roadshow? (kept with the shortlist)</source>
        <translation>为何不参加路演？（原因随推介清单保存）</translation>
    </message>
    <message>
        <source>Exclude %1 patents</source>
        <translation>排除 %1 件专利</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Tags, separated by semicolons:</source>
        <translation>标签（用分号分隔）：</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV，UTF-8 (*.csv)</translation>
    </message>
    <message>
        <source>Export shortlist</source>
        <translation>导出推介清单</translation>
    </message>
    <message>
        <source>shortlist.xlsx</source>
        <translation>推介清单.xlsx</translation>
    </message>
    <message>
        <source>%1 rows written to %2.</source>
        <translation>已写入 %1 行到 %2。</translation>
    </message>
    <message>
        <source>Export invitation list</source>
        <translation>导出邀请名单</translation>
    </message>
    <message>
        <source>invitations.xlsx</source>
        <translation>邀请名单.xlsx</translation>
    </message>
</context>
</TS>

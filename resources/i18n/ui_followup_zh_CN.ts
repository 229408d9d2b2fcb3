<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ContractEditor</name>
    <message>
        <source>Contract</source>
        <translation>合同</translation>
    </message>
    <message>
        <source>yuan, e.g. 1,200,000 or 120万 (optional)</source>
        <translation>单位:元,如 1,200,000 或 120万(可不填)</translation>
    </message>
    <message>
        <source>Save contract</source>
        <translation>保存合同</translation>
    </message>
    <message>
        <source>Deal</source>
        <translation>交易方式</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>支付方式</translation>
    </message>
    <message>
        <source>Signed on</source>
        <translation>签订日期</translation>
    </message>
    <message>
        <source>Registration no.</source>
        <translation>登记/备案号</translation>
    </message>
    <message>
        <source>This intention no longer exists.</source>
        <translation>该意向已不存在。</translation>
    </message>
</context>
<context>
    <name>FollowUpCommands</name>
    <message>
        <source>Move lead to “%1”</source>
        <translation>将线索转到“%1”</translation>
    </message>
    <message>
        <source>Set owner</source>
        <translation>设置负责人</translation>
    </message>
    <message>
        <source>Set next action date</source>
        <translation>设置下次跟进日期</translation>
    </message>
    <message>
        <source>Add note</source>
        <translation>添加跟进记录</translation>
    </message>
    <message>
        <source>Record contract</source>
        <translation>记录合同</translation>
    </message>
</context>
<context>
    <name>FollowUpController</name>
    <message>
        <source>E&amp;xport intentions…</source>
        <translation>导出意向(&amp;X)…</translation>
    </message>
</context>
<context>
    <name>FollowUpModel</name>
    <message>
        <source>Enterprise</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>Patent</source>
        <translation>专利</translation>
    </message>
    <message>
        <source>Intention</source>
        <translation>意向</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Next action</source>
        <translation>下次跟进</translation>
    </message>
</context>
<context>
    <name>FollowUpPage</name>
    <message>
        <source>All stages</source>
        <translation>全部阶段</translation>
    </message>
    <message>
        <source>Open leads</source>
        <translation>进行中的线索</translation>
    </message>
    <message>
        <source>Overdue only</source>
        <translation>仅逾期</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Why the lead is dropped (needed to drop)</source>
        <translation>终止原因（终止时必填）</translation>
    </message>
    <message>
        <source>A call, a visit, an e-mail… (Enter adds it)</source>
        <translation>电话、拜访、邮件…（按 Enter 添加）</translation>
    </message>
    <message>
        <source>Move to</source>
        <translation>转到</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Next action</source>
        <translation>下次跟进</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>跟进记录</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>意向跟进</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>所有人</translation>
    </message>
    <message>
        <source>Nobody yet</source>
        <translation>尚无负责人</translation>
    </message>
    <message>
        <source>Leads: %1</source>
        <translation>线索：%1</translation>
    </message>
    <message>
        <source>No leads yet</source>
        <translation>还没有线索</translation>
    </message>
    <message>
        <source>Every intention recorded at the fair becomes a lead to follow up here: record them on the capture page, or import the filled-in sign-up sheets there.</source>
        <translation>对接会上登记的每条意向都会成为这里要跟进的线索：请在“意向登记”页登记，或在那里导入填好的纸质登记表。</translation>
    </message>
    <message>
        <source>Go to intention capture</source>
        <translation>前往意向登记</translation>
    </message>
    <message>
        <source>Choose a lead in the list.</source>
        <translation>请在列表中选择线索。</translation>
    </message>
    <message>
        <source>Dropped: %1</source>
        <translation>已终止：%1</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已结束</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>Write why the lead is dropped, then drop it.</source>
        <translation>请先填写终止原因，再终止。</translation>
    </message>
    <message>
        <source>Export intentions…</source>
        <translation>导出意向…</translation>
    </message>
    <message>
        <source>Write the leads listed here (as filtered) to an Excel or CSV file</source>
        <translation>把这里列出的线索（按当前筛选）写入 Excel 或 CSV 文件</translation>
    </message>
    <message>
        <source>Export intentions</source>
        <translation>导出意向</translation>
    </message>
    <message>
        <source>intentions.xlsx</source>
        <translation>对接意向.xlsx</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV，UTF-8 (*.csv)</translation>
    </message>
    <message>
        <source>There is no event yet, so no intentions to export.</source>
        <translation>还没有活动，因此没有可导出的意向。</translation>
    </message>
    <message>
        <source>%1 intentions written to %2.</source>
        <translation>已将 %1 条意向写入 %2。</translation>
    </message>
    <message>
        <source>The note in the box is not in the log yet: press Enter to add it.</source>
        <translation>框中的记录尚未加入日志：按 Enter 添加。</translation>
    </message>
</context>
</TS>

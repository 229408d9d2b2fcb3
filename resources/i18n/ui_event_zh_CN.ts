<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AgendaCommands</name>
    <message>
        <source>Build session %1</source>
        <translation>生成场次 %1</translation>
    </message>
    <message>
        <source>Remove session</source>
        <translation>删除场次</translation>
    </message>
    <message>
        <source>Reorder slots</source>
        <translation>调整时段顺序</translation>
    </message>
    <message>
        <source>Edit slot</source>
        <translation>修改时段</translation>
    </message>
    <message>
        <source>Remove slot</source>
        <translation>删除时段</translation>
    </message>
    <message>
        <source>Edit session</source>
        <translation>编辑场次</translation>
    </message>
</context>
<context>
    <name>AgendaView</name>
    <message>
        <source>Title of the new session</source>
        <translation>新场次名称</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>&amp;Build from shortlist</source>
        <translation>按遴选清单生成(&amp;B)</translation>
    </message>
    <message>
        <source>Remove session</source>
        <translation>删除场次</translation>
    </message>
    <message>
        <source>Remove slot</source>
        <translation>删除时段</translation>
    </message>
    <message>
        <source>Drag rows to reorder; double-click minutes or presenter to edit.</source>
        <translation>拖动行可调整顺序；双击时长或路演人可修改。</translation>
    </message>
    <message>
        <source>%1 slots, %2 minutes planned</source>
        <translation>%1 个时段，计划 %2 分钟</translation>
    </message>
    <message>
        <source>Create the event first.</source>
        <translation>请先创建活动。</translation>
    </message>
    <message>
        <source>Session %1</source>
        <translation>第 %1 场</translation>
    </message>
</context>
<context>
    <name>CheckInPanel</name>
    <message>
        <source>Scan the badge, or type part of the name, credit code or phone</source>
        <translation>扫描胸卡，或输入名称、信用代码或电话的一部分</translation>
    </message>
    <message>
        <source>&amp;Check in</source>
        <translation>签到(&amp;C)</translation>
    </message>
    <message>
        <source>Walk-in: enterprise name</source>
        <translation>现场登记：企业名称</translation>
    </message>
    <message>
        <source>phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Register &amp;walk-in</source>
        <translation>现场登记(&amp;W)</translation>
    </message>
    <message>
        <source>No event yet: create one first.</source>
        <translation>还没有活动，请先创建。</translation>
    </message>
    <message>
        <source>Checked in: %1 of %2 signed up</source>
        <translation>已签到：%1 / 已报名 %2</translation>
    </message>
    <message>
        <source>checked in %1</source>
        <translation>%1 已签到</translation>
    </message>
    <message>
        <source>signed up</source>
        <translation>已报名</translation>
    </message>
    <message>
        <source>not signed up</source>
        <translation>未报名</translation>
    </message>
    <message>
        <source>Walk-in registered: %1 (to reconcile later).</source>
        <translation>已现场登记：%1（待与名录核对）。</translation>
    </message>
    <message>
        <source>%1 firms match “%2”: which one? Choose with ↑ ↓ and press Enter.</source>
        <translation>有 %1 家企业与“%2”相符：是哪一家？用 ↑ ↓ 选择后按回车。</translation>
    </message>
    <message>
        <source>No firm matches “%1”. To register it as a walk-in, fill in the name and phone below and press Enter.</source>
        <translation>没有与“%1”相符的企业。如需现场登记，请在下方填写名称和电话后按回车。</translation>
    </message>
</context>
<context>
    <name>EnterpriseDialog</name>
    <message>
        <source>Enterprise</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>名称(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Credit code</source>
        <translation>信用代码(&amp;C)</translation>
    </message>
    <message>
        <source>18 characters, e.g. 91350100M000100Y43</source>
        <translation>18 位，如 91350100M000100Y43</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>企业类型</translation>
    </message>
    <message>
        <source>IP-advantage demonstration</source>
        <translation>知识产权优势示范企业</translation>
    </message>
    <message>
        <source>Specialised and new SME</source>
        <translation>专精特新中小企业</translation>
    </message>
    <message>
        <source>High-tech enterprise</source>
        <translation>高新技术企业</translation>
    </message>
    <message>
        <source>State-owned enterprise</source>
        <translation>国有企业</translation>
    </message>
    <message>
        <source>Registered with an IP protection centre</source>
        <translation>知识产权保护中心备案企业</translation>
    </message>
    <message>
        <source>&amp;Industry</source>
        <translation>所属行业(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Keywords</source>
        <translation>技术需求关键词(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Region</source>
        <translation>所在地区(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Address</source>
        <translation>地址(&amp;A)</translation>
    </message>
    <message>
        <source>Contact &amp;person</source>
        <translation>联系人(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation>电话(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;E-mail</source>
        <translation>电子邮箱(&amp;E)</translation>
    </message>
    <message>
        <source>Consents to be contacted</source>
        <translation>同意接受联系</translation>
    </message>
    <message>
        <source>N&amp;otes</source>
        <translation>备注(&amp;O)</translation>
    </message>
</context>
<context>
    <name>EnterpriseModel</name>
    <message>
        <source>Enterprise</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>Credit code</source>
        <translation>信用代码</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Signed up</source>
        <translation>报名</translation>
    </message>
    <message>
        <source>checked in</source>
        <translation>已签到</translation>
    </message>
    <message>
        <source>signed up</source>
        <translation>已报名</translation>
    </message>
    <message>
        <source>(walk-in)</source>
        <translation>（现场登记）</translation>
    </message>
</context>
<context>
    <name>EventCommands</name>
    <message>
        <source>Save enterprise %1</source>
        <translation>保存企业 %1</translation>
    </message>
    <message>
        <source>Merge walk-in into %1</source>
        <translation>合并现场登记企业到 %1</translation>
    </message>
    <message>
        <source>Save event %1</source>
        <translation>保存活动 %1</translation>
    </message>
    <message>
        <source>Create event %1</source>
        <translation>创建活动 %1</translation>
    </message>
    <message>
        <source>Event “%1” removed.</source>
        <translation>已移除活动“%1”。</translation>
    </message>
    <message>
        <source>Check in</source>
        <translation>签到</translation>
    </message>
    <message>
        <source>Register walk-in %1</source>
        <translation>现场登记 %1</translation>
    </message>
    <message>
        <source>Check in %1</source>
        <translation>签到 %1</translation>
    </message>
    <message>
        <source>Check-in of %1 taken back.</source>
        <translation>已撤销 %1 的签到。</translation>
    </message>
</context>
<context>
    <name>EventForm</name>
    <message>
        <source>&amp;Name</source>
        <translation>名称(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Region</source>
        <translation>所在地区(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Partner regions</source>
        <translation>对接地区(&amp;P)</translation>
    </message>
    <message>
        <source>Separate with ； or 、</source>
        <translation>用“；”或“、”分隔</translation>
    </message>
    <message>
        <source>https://…/signup?event={event}&amp;patent={application_no}</source>
        <translation>https://…/signup?event={event}&amp;patent={application_no}</translation>
    </message>
    <message>
        <source>Stations</source>
        <translation>登记台</translation>
    </message>
    <message>
        <source>New s&amp;tation</source>
        <translation>新登记台(&amp;T)</translation>
    </message>
    <message>
        <source>Name of another laptop (Enter adds it)</source>
        <translation>另一台电脑的名称（按 Enter 添加）</translation>
    </message>
    <message>
        <source>New event</source>
        <translation>新建活动</translation>
    </message>
    <message>
        <source>&amp;Save event</source>
        <translation>保存活动(&amp;S)</translation>
    </message>
    <message>
        <source>Time &amp;zone</source>
        <translation>时区(&amp;Z)</translation>
    </message>
    <message>
        <source>St&amp;arts on</source>
        <translation>开始日期(&amp;A)</translation>
    </message>
    <message>
        <source>Ends &amp;on</source>
        <translation>结束日期(&amp;O)</translation>
    </message>
    <message>
        <source>Ven&amp;ue</source>
        <translation>地点(&amp;U)</translation>
    </message>
    <message>
        <source>Or&amp;ganisers</source>
        <translation>主办单位(&amp;G)</translation>
    </message>
    <message>
        <source>Sign-up &amp;link</source>
        <translation>报名链接(&amp;L)</translation>
    </message>
    <message>
        <source>Fore&amp;word</source>
        <translation>前言(&amp;W)</translation>
    </message>
    <message>
        <source>Every time of the event is shown, printed and exported in the venue&apos;s time zone, whatever this laptop&apos;s clock is set to.</source>
        <translation>活动的所有时间都按举办地时区显示、打印和导出，与本机时钟所设时区无关。</translation>
    </message>
    <message>
        <source>&amp;Documents in</source>
        <translation>文档语言(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Bundle passphrase</source>
        <translation>数据包口令(&amp;B)</translation>
    </message>
</context>
<context>
    <name>EventPage</name>
    <message>
        <source>Event</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>Enterprises</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>Check-in</source>
        <translation>签到</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>路演场次</translation>
    </message>
    <message>
        <source>New event</source>
        <translation>新建活动</translation>
    </message>
</context>
<context>
    <name>EventSetupForm</name>
    <message>
        <source>&amp;Save event</source>
        <translation>保存活动(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Create event</source>
        <translation>创建活动(&amp;C)</translation>
    </message>
    <message>
        <source>the new event</source>
        <translation>新活动</translation>
    </message>
    <message>
        <source>the new event “%1”</source>
        <translation>新活动“%1”</translation>
    </message>
    <message>
        <source>the details of the event “%1”</source>
        <translation>活动“%1”的信息</translation>
    </message>
    <message>
        <source>Event “%1” created.</source>
        <translation>已创建活动“%1”。</translation>
    </message>
    <message>
        <source>Event “%1” saved.</source>
        <translation>已保存活动“%1”。</translation>
    </message>
    <message>
        <source>%1 (this laptop)</source>
        <translation>%1（本机）</translation>
    </message>
    <message>
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <source>English</source>
        <translation>英文</translation>
    </message>
</context>
<context>
    <name>RegistryView</name>
    <message>
        <source>Search by name, credit code or phone</source>
        <translation>按名称、信用代码或电话查找</translation>
    </message>
    <message>
        <source>&amp;Add enterprise…</source>
        <translation>添加企业(&amp;A)…</translation>
    </message>
    <message>
        <source>Edi&amp;t…</source>
        <translation>编辑(&amp;T)…</translation>
    </message>
    <message>
        <source>&amp;Import a list…</source>
        <translation>导入报名表(&amp;I)…</translation>
    </message>
    <message>
        <source>Sign &amp;up for the event</source>
        <translation>报名本活动(&amp;U)</translation>
    </message>
    <message>
        <source>Sign the selected firms up for the event</source>
        <translation>为所选企业报名本活动</translation>
    </message>
    <message>
        <source>&amp;Withdraw</source>
        <translation>取消报名(&amp;W)</translation>
    </message>
    <message>
        <source>Withdraw the selected firms&apos; sign-ups</source>
        <translation>取消所选企业的报名</translation>
    </message>
    <message>
        <source>&amp;Merge into this firm</source>
        <translation>合并到该企业(&amp;M)</translation>
    </message>
    <message>
        <source>It is a new firm: complete its details…</source>
        <translation>这是新企业：补全信息…</translation>
    </message>
    <message>
        <source>A walk-in to reconcile with the registry:</source>
        <translation>待与名录核对的现场登记企业：</translation>
    </message>
    <message>
        <source>Choose an enterprise in the list.</source>
        <translation>请在列表中选择企业。</translation>
    </message>
    <message>
        <source>Credit code: %1</source>
        <translation>信用代码：%1</translation>
    </message>
    <message>
        <source>Type: %1</source>
        <translation>类型：%1</translation>
    </message>
    <message>
        <source>Industry: %1</source>
        <translation>行业：%1</translation>
    </message>
    <message>
        <source>Region: %1</source>
        <translation>地区：%1</translation>
    </message>
    <message>
        <source>Contact: %1 %2</source>
        <translation>联系人：%1 %2</translation>
    </message>
    <message>
        <source>Consents to be contacted: %1</source>
        <translation>同意接受联系：%1</translation>
    </message>
    <message>
        <source>Same name</source>
        <translation>名称相同</translation>
    </message>
    <message>
        <source>Register it anyway as another firm?</source>
        <translation>仍然作为另一家企业登记吗？</translation>
    </message>
    <message>
        <source>Merge walk-in</source>
        <translation>合并现场登记企业</translation>
    </message>
    <message>
        <source>Merge this walk-in into %1? Its intentions and check-in move over (Edit ▸ Undo takes the merge back).</source>
        <translation>将此现场登记企业合并到 %1？其意向和签到将一并转移（可用 编辑 ▸ 撤销 取消合并）。</translation>
    </message>
    <message>
        <source>Merged into %1.</source>
        <translation>已合并到 %1。</translation>
    </message>
</context>
<context>
    <name>SessionDetails</name>
    <message>
        <source>e.g. 09:30</source>
        <translation>如 09:30</translation>
    </message>
    <message>
        <source>&amp;Starts at</source>
        <translation>开始时间(&amp;S)</translation>
    </message>
    <message>
        <source>Roo&amp;m</source>
        <translation>会场(&amp;M)</translation>
    </message>
    <message>
        <source>Hos&amp;t</source>
        <translation>主持人(&amp;T)</translation>
    </message>
    <message>
        <source>Venue time: %1</source>
        <translation>举办地时间：%1</translation>
    </message>
</context>
<context>
    <name>SignUps</name>
    <message>
        <source>Sign up %1 firms</source>
        <translation>为 %1 家企业报名</translation>
    </message>
    <message>
        <source>Withdraw %1 firms</source>
        <translation>取消 %1 家企业的报名</translation>
    </message>
    <message>
        <source>Create the event first; then sign firms up for it.</source>
        <translation>请先创建活动，再为企业报名。</translation>
    </message>
    <message>
        <source>Choose the firms to sign up in the list.</source>
        <translation>请在列表中选择要报名的企业。</translation>
    </message>
    <message>
        <source>They are all signed up for “%1” already.</source>
        <translation>所选企业均已报名“%1”。</translation>
    </message>
    <message>
        <source>%1 firms signed up for “%2”.</source>
        <translation>已为 %1 家企业报名“%2”。</translation>
    </message>
    <message>
        <source>Choose the firms to withdraw in the list.</source>
        <translation>请在列表中选择要取消报名的企业。</translation>
    </message>
    <message>
        <source>%1 firms withdrawn from “%2”.</source>
        <translation>已取消 %1 家企业对“%2”的报名。</translation>
    </message>
    <message>
        <source>%1 checked in already and stay signed up.</source>
        <translation>%1 已签到，保留报名。</translation>
    </message>
</context>
<context>
    <name>SlotModel</name>
    <message>
        <source>#</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Patent</source>
        <translation>专利</translation>
    </message>
    <message>
        <source>Institution</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Presenter</source>
        <translation>路演人</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>分钟</translation>
    </message>
    <message>
        <source>Ran</source>
        <translation>实际时间</translation>
    </message>
    <message>
        <source>A slot lasts from 1 to %1 minutes.</source>
        <translation>每个时段为 1 至 %1 分钟。</translation>
    </message>
    <message>
        <source>Planned start</source>
        <translation>计划开始</translation>
    </message>
</context>
</TS>

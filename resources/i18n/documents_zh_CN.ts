<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Agenda</name>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Patent</source>
        <translation>专利</translation>
    </message>
    <message>
        <source>Institution</source>
        <translation>所属机构</translation>
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
        <source>(no patent)</source>
        <translation>（未指定专利）</translation>
    </message>
    <message>
        <source>Host: %1</source>
        <translation>主持人：%1</translation>
    </message>
    <message>
        <source>%1 patents, %2 minutes</source>
        <translation>%1 项专利，共 %2 分钟</translation>
    </message>
    <message>
        <source>No patents are planned in this session yet.</source>
        <translation>本场次尚未安排专利。</translation>
    </message>
    <message>
        <source>The event “%1” has no roadshow sessions yet.</source>
        <translation>活动“%1”还没有路演场次。</translation>
    </message>
    <message>
        <source>Organisers: %1</source>
        <translation>主办单位：%1</translation>
    </message>
    <message>
        <source>Laying out the agenda</source>
        <translation>正在排版议程</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation>路演议程</translation>
    </message>
</context>
<context>
    <name>Badges</name>
    <message>
        <source>Scan at the desk</source>
        <translation>签到处扫码</translation>
    </message>
    <message>
        <source>Writing the badges</source>
        <translation>正在生成胸牌</translation>
    </message>
    <message>
        <source>Badges</source>
        <translation>企业胸牌</translation>
    </message>
</context>
<context>
    <name>BoothCards</name>
    <message>
        <source>Booth %1</source>
        <translation>展位 %1</translation>
    </message>
    <message>
        <source>Scan to register interest</source>
        <translation>扫码登记合作意向</translation>
    </message>
    <message>
        <source>fold here</source>
        <translation>沿此线折叠</translation>
    </message>
    <message>
        <source>Writing the booth cards</source>
        <translation>正在生成桌牌</translation>
    </message>
    <message>
        <source>Booth cards</source>
        <translation>展位桌牌</translation>
    </message>
</context>
<context>
    <name>Brochure</name>
    <message>
        <source>Abstract</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Advantages</source>
        <translation>技术优势</translation>
    </message>
    <message>
        <source>Application scenarios</source>
        <translation>应用场景</translation>
    </message>
    <message>
        <source>Open licence terms</source>
        <translation>开放许可条件</translation>
    </message>
    <message>
        <source>Application no.</source>
        <translation>申请号</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>法律状态</translation>
    </message>
    <message>
        <source>Institution</source>
        <translation>所属机构</translation>
    </message>
    <message>
        <source>Inventors</source>
        <translation>发明人</translation>
    </message>
    <message>
        <source>IPC</source>
        <translation>主分类号</translation>
    </message>
    <message>
        <source>Offered for</source>
        <translation>转化方式</translation>
    </message>
    <message>
        <source>Price guide</source>
        <translation>参考价格</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <source>Scan to register interest</source>
        <translation>扫码登记合作意向</translation>
    </message>
    <message>
        <source> et al.</source>
        <translation> 等</translation>
    </message>
    <message>
        <source>Patent roadshow · Brochure</source>
        <translation>专利转化路演 · 项目推介手册</translation>
    </message>
    <message>
        <source>%1 patents from %2 institutions in %3 fields</source>
        <translation>收录 %2 家高校院所的 %1 项专利，涵盖 %3 个技术领域</translation>
    </message>
    <message>
        <source>Organisers: %1</source>
        <translation>主办单位：%1</translation>
    </message>
    <message>
        <source>Regions: %1</source>
        <translation>协作地区：%1</translation>
    </message>
    <message>
        <source>Scan to sign up</source>
        <translation>扫码报名</translation>
    </message>
    <message>
        <source>A brochure has one or two patents per page.</source>
        <translation>推介手册每页可排一项或两项专利。</translation>
    </message>
    <message>
        <source>There are no patents to print.</source>
        <translation>没有可打印的专利。</translation>
    </message>
    <message>
        <source>Laying out the patents</source>
        <translation>正在排版专利</translation>
    </message>
    <message>
        <source>Writing the PDF</source>
        <translation>正在写入 PDF</translation>
    </message>
    <message>
        <source>Foreword</source>
        <translation>前言</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>目录</translation>
    </message>
    <message>
        <source>Index by institution</source>
        <translation>机构索引</translation>
    </message>
    <message>
        <source>Patent brochure</source>
        <translation>专利推介手册</translation>
    </message>
    <message>
        <source>Institution not given</source>
        <translation>未注明机构</translation>
    </message>
</context>
<context>
    <name>Documents</name>
    <message>
        <source>Page %1 of %2</source>
        <translation>第 %1 页 / 共 %2 页</translation>
    </message>
    <message>
        <source>The paper size must be A4 or A5, not {paper}.</source>
        <translation>纸张尺寸须为 A4 或 A5，不能是 {paper}。</translation>
    </message>
    <message>
        <source>Patent brochure</source>
        <extracomment>Every kind of document, with its translatable name, in the order the print page lists them.</extracomment>
        <translation>专利推介手册</translation>
    </message>
    <message>
        <source>QR sign-up sheet</source>
        <translation>扫码报名签到表</translation>
    </message>
    <message>
        <source>Booth cards</source>
        <translation>展位桌牌</translation>
    </message>
    <message>
        <source>Enterprise badges</source>
        <translation>企业胸牌</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation>路演议程</translation>
    </message>
    <message>
        <source>There is no document called “%1”.</source>
        <extracomment>Kinds whose paper size can be chosen (the others are laid out for A4).</extracomment>
        <translation>没有名为“%1”的文档。</translation>
    </message>
    <message>
        <source>Reading the event</source>
        <translation>正在读取活动信息</translation>
    </message>
    <message>
        <source>The PDF {path} cannot be opened ({error}).</source>
        <translation>无法打开 PDF 文件 {path}（{error}）。</translation>
    </message>
    <message>
        <source>Other fields</source>
        <translation>其他领域</translation>
    </message>
    <message>
        <source>The event “%1” has no patents on its shortlist; add some first.</source>
        <translation>活动“%1”的推介清单中没有专利，请先添加。</translation>
    </message>
    <message>
        <source>The event “%1” has no roadshow session %2.</source>
        <translation>活动“%1”中没有编号为 %2 的路演场次。</translation>
    </message>
    <message>
        <source>No enterprise has checked in to “%1” yet.</source>
        <translation>活动“%1”尚无企业签到。</translation>
    </message>
    <message>
        <source>No enterprise has registered for “%1” yet.</source>
        <translation>活动“%1”尚无企业报名。</translation>
    </message>
    <message>
        <source>%1-%2-%3</source>
        <comment>date: year, month, day</comment>
        <translation>%1年%2月%3日</translation>
    </message>
    <message>
        <source>%1-%2-%3 to %4</source>
        <comment>dates in one month</comment>
        <translation>%1年%2月%3日—%4日</translation>
    </message>
    <message>
        <source>, </source>
        <comment>list separator</comment>
        <translation>、</translation>
    </message>
</context>
<context>
    <name>Fonts</name>
    <message>
        <source>The font file {path} does not exist.</source>
        <translation>字体文件 {path} 不存在。</translation>
    </message>
    <message>
        <source>The file {path} is not a font file.</source>
        <translation>文件 {path} 不是字体文件。</translation>
    </message>
    <message>
        <source>The file {path} is not a font that can be read ({error}).</source>
        <translation>文件 {path} 不是可读取的字体（{error}）。</translation>
    </message>
    <message>
        <source>The font {path} has PostScript (CFF) outlines, which cannot be embedded in PDFs; choose a TrueType font (.ttf or .ttc) such as WenQuanYi Micro Hei, Microsoft YaHei or SimSun.</source>
        <translation>字体 {path} 使用 PostScript（CFF）轮廓，无法嵌入 PDF；请选择 TrueType 字体（.ttf 或 .ttc），例如文泉驿微米黑、微软雅黑或宋体。</translation>
    </message>
    <message>
        <source>The font {path} is not a TrueType font with Simplified Chinese characters; choose one such as WenQuanYi Micro Hei, Microsoft YaHei or SimSun.</source>
        <translation>字体 {path} 不是含简体中文字符的 TrueType 字体；请选择文泉驿微米黑、微软雅黑或宋体等字体。</translation>
    </message>
    <message>
        <source>No Chinese TrueType font was found; install Microsoft YaHei or SimSun (Windows Settings, Fonts) or choose a .ttf/.ttc font file in Settings.</source>
        <translation>未找到中文 TrueType 字体；请安装微软雅黑或宋体（Windows 设置 → 字体），或在“设置”中选择一个 .ttf/.ttc 字体文件。</translation>
    </message>
    <message>
        <source>No Chinese TrueType font was found; install STHeiti or Songti with Font Book, or choose a .ttf/.ttc font file in Settings.</source>
        <translation>未找到中文 TrueType 字体；请用“字体册”安装华文黑体或宋体，或在“设置”中选择一个 .ttf/.ttc 字体文件。</translation>
    </message>
    <message>
        <source>No Chinese TrueType font was found; install one (Debian and Ubuntu: sudo apt install fonts-wqy-microhei; Fedora: sudo dnf install wqy-microhei-fonts) or choose a .ttf/.ttc font file in Settings or with ROADSHOW_DESK_FONT.</source>
        <translation>未找到中文 TrueType 字体；请安装一种（Debian 和 Ubuntu：sudo apt install fonts-wqy-microhei；Fedora：sudo dnf install wqy-microhei-fonts），或在“设置”中、或用 ROADSHOW_DESK_FONT 指定一个 .ttf/.ttc 字体文件。</translation>
    </message>
    <message>
        <source>The font {path} cannot be embedded in PDFs ({error}).</source>
        <translation>字体 {path} 无法嵌入 PDF（{error}）。</translation>
    </message>
</context>
<context>
    <name>Results</name>
    <message>
        <source>Results of the fair</source>
        <extracomment>The most bars a chart draws (its table lists every row).</extracomment>
        <translation>对接会成果报告</translation>
    </message>
    <message>
        <source>Made on %1</source>
        <translation>生成于 %1</translation>
    </message>
    <message>
        <source>Nothing to show.</source>
        <translation>暂无数据。</translation>
    </message>
    <message>
        <source>Laying out the report</source>
        <translation>正在排版报告</translation>
    </message>
</context>
<context>
    <name>SelfCheck</name>
    <message>
        <source>Ready: every required check passed.</source>
        <translation>就绪:所有必需的检查均已通过。</translation>
    </message>
    <message>
        <source>Not ready: fix the checks marked ✗.</source>
        <translation>未就绪:请处理标有 ✗ 的检查项。</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>Schema version</source>
        <translation>数据库结构版本</translation>
    </message>
    <message>
        <source>Unknown.</source>
        <translation>未知。</translation>
    </message>
    <message>
        <source>%1, %2 (not created yet; the first start creates it).</source>
        <translation>%1,%2(尚未创建;首次启动时创建)。</translation>
    </message>
    <message>
        <source>%1 (a new database gets it).</source>
        <translation>%1(新数据库将使用此版本)。</translation>
    </message>
    <message>
        <source>%1 cannot be reached: %2</source>
        <translation>无法连接 %1:%2</translation>
    </message>
    <message>
        <source>%1; it is upgraded to %2 (after a backup) when opened.</source>
        <translation>%1;打开时(先备份)升级到 %2。</translation>
    </message>
    <message>
        <source>Chinese font</source>
        <translation>中文字体</translation>
    </message>
    <message>
        <source>Translations</source>
        <translation>翻译</translation>
    </message>
    <message>
        <source>Not checked.</source>
        <translation>未检查。</translation>
    </message>
    <message>
        <source>English (built in).</source>
        <translation>英文(内置)。</translation>
    </message>
    <message>
        <source>No catalogue of %1 was found; the interface stays English.</source>
        <translation>未找到 %1 的翻译文件;界面将保持英文。</translation>
    </message>
    <message>
        <source>%1: %2 catalogues of the app, Qt&apos;s own: %3.</source>
        <translation>%1:本应用翻译文件 %2 个,Qt 自带:%3。</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <source>Printers</source>
        <translation>打印机</translation>
    </message>
    <message>
        <source>The list of printers cannot be read.</source>
        <translation>无法读取打印机列表。</translation>
    </message>
    <message>
        <source>No printer is set up; PDF files can still be saved.</source>
        <translation>未设置打印机;仍可保存 PDF 文件。</translation>
    </message>
    <message>
        <source>%1 (default: %2)</source>
        <translation>%1(默认:%2)</translation>
    </message>
    <message>
        <source>PostgreSQL driver</source>
        <translation>PostgreSQL 驱动</translation>
    </message>
    <message>
        <source>Not installed, but the database is on a PostgreSQL server.</source>
        <translation>未安装,但数据库位于 PostgreSQL 服务器上。</translation>
    </message>
    <message>
        <source>Not installed (needed only for a PostgreSQL server).</source>
        <translation>未安装(仅连接 PostgreSQL 服务器时需要)。</translation>
    </message>
    <message>
        <source>Errors recorded</source>
        <translation>已记录的错误</translation>
    </message>
    <message>
        <source>None.</source>
        <translation>无。</translation>
    </message>
    <message>
        <source>%1, the last at %2 (%3); see %4</source>
        <translation>%1 个，最近一次在 %2（%3）；详见 %4</translation>
    </message>
</context>
<context>
    <name>SignupSheet</name>
    <message>
        <source>Host: %1</source>
        <translation>主持人：%1</translation>
    </message>
    <message>
        <source>Scan the code to sign up online, or write your details in a row below.</source>
        <translation>扫描右侧二维码在线报名，或在下表中填写您的信息。</translation>
    </message>
    <message>
        <source>Patents of this session: %1</source>
        <translation>本场专利：%1</translation>
    </message>
    <message>
        <source>Scan to sign up</source>
        <translation>扫码报名</translation>
    </message>
    <message>
        <source>The event “%1” has no sign-up link; enter the link template in the event details first.</source>
        <translation>活动“%1”没有报名链接；请先在活动信息中填写报名链接模板。</translation>
    </message>
    <message>
        <source>Writing the sign-up sheets</source>
        <translation>正在生成报名表</translation>
    </message>
    <message>
        <source>Sign-up sheet</source>
        <translation>扫码报名签到表</translation>
    </message>
</context>
<context>
    <name>TypicalCase</name>
    <message>
        <source>Typical case: %1 and %2</source>
        <translation>典型案例:%1 与 %2</translation>
    </message>
    <message>
        <source>Typical case-%1-%2</source>
        <translation>典型案例-%1-%2</translation>
    </message>
    <message>
        <source>The patent</source>
        <translation>专利</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>专利名称</translation>
    </message>
    <message>
        <source>Application no.</source>
        <translation>申请号</translation>
    </message>
    <message>
        <source>Institution</source>
        <translation>高校院所</translation>
    </message>
    <message>
        <source>Technical field</source>
        <translation>技术领域</translation>
    </message>
    <message>
        <source>The enterprise</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>Enterprise</source>
        <translation>企业名称</translation>
    </message>
    <message>
        <source>How they met</source>
        <translation>对接经过</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>对接活动</translation>
    </message>
    <message>
        <source>Roadshow session</source>
        <translation>路演场次</translation>
    </message>
    <message>
        <source>Intention recorded on</source>
        <translation>意向登记日期</translation>
    </message>
    <message>
        <source>The deal</source>
        <translation>交易情况</translation>
    </message>
    <message>
        <source>Kind of deal</source>
        <translation>合同类型</translation>
    </message>
    <message>
        <source>Amount (yuan)</source>
        <translation>合同金额(元)</translation>
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
        <source>Stage</source>
        <translation>跟进阶段</translation>
    </message>
    <message>
        <source>Days from the fair to the contract</source>
        <translation>从对接会到签约(天)</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Contacts are included, as the organiser asked.</source>
        <translation>应主办方要求,包含联系方式。</translation>
    </message>
    <message>
        <source>Contact persons and phone numbers are left out.</source>
        <translation>未包含联系人和电话。</translation>
    </message>
    <message>
        <source>The story</source>
        <translation>案例经过</translation>
    </message>
    <message>
        <source>(Describe here how the deal came about and what it achieved.)</source>
        <translation>(请在此描述交易的达成经过和取得的成效。)</translation>
    </message>
    <message>
        <source>Typical case</source>
        <translation>典型案例</translation>
    </message>
</context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AudienceDisplay</name>
    <message>
        <source>Break</source>
        <translation>休息</translation>
    </message>
    <message>
        <source>Scan to sign up</source>
        <translation>扫码报名</translation>
    </message>
    <message>
        <source>Scan to register interest</source>
        <translation>扫码登记合作意向</translation>
    </message>
    <message>
        <source>Key advantages</source>
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
        <source>Thank you</source>
        <translation>谢谢</translation>
    </message>
    <message>
        <source>Next: %1 of %2</source>
        <translation>下一项：第 %1 / %2 项</translation>
    </message>
    <message>
        <source>Roadshow — audience</source>
        <translation>路演 — 观众屏</translation>
    </message>
</context>
<context>
    <name>PresenterConsole</name>
    <message>
        <source>Roadshow — presenter console</source>
        <extracomment>Countdown colours (background, text) by level: readable at a glance from the stage.</extracomment>
        <translation>路演 — 讲者控制台</translation>
    </message>
    <message>
        <source>Presenter notes</source>
        <translation>讲者备注</translation>
    </message>
    <message>
        <source>Patent</source>
        <translation>专利</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>计划</translation>
    </message>
    <message>
        <source>Actual</source>
        <translation>实际</translation>
    </message>
    <message>
        <source>The audience sees</source>
        <translation>观众屏当前画面</translation>
    </message>
    <message>
        <source>PgDn/→/Space next · PgUp/← previous · number+Enter go to slot · Home/End · B or . black · W white · S swap screens · F windowed · C console · Esc twice leave</source>
        <translation>PgDn/→/空格 下一项 · PgUp/← 上一项 · 数字+回车 跳到该项 · Home/End 首项/末项 · B 或 . 黑屏 · W 白屏 · S 交换屏幕 · F 窗口模式 · C 控制台 · 连按两次 Esc 退出</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>Session finished</source>
        <translation>本场已结束</translation>
    </message>
    <message>
        <source>On stage</source>
        <translation>正在路演</translation>
    </message>
    <message>
        <source>Title card — up next</source>
        <translation>标题页 — 即将开始</translation>
    </message>
    <message>
        <source>No notes for this patent.</source>
        <translation>此专利没有讲者备注。</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一项</translation>
    </message>
    <message>
        <source>End of the session</source>
        <translation>本场结束</translation>
    </message>
    <message>
        <source>Slot %1 of %2</source>
        <translation>第 %1 / %2 项</translation>
    </message>
    <message>
        <source>presented by %1</source>
        <translation>讲者：%1</translation>
    </message>
    <message>
        <source>Projector: BLACK</source>
        <translation>投影：黑屏</translation>
    </message>
    <message>
        <source>Projector: WHITE</source>
        <translation>投影：白屏</translation>
    </message>
    <message>
        <source>Go to slot: %1</source>
        <translation>跳到第 %1 项</translation>
    </message>
    <message>
        <source>of %1 planned · session ends about %2</source>
        <translation>计划 %1 · 本场预计 %2 结束</translation>
    </message>
    <message>
        <source>On schedule</source>
        <translation>按计划进行</translation>
    </message>
    <message>
        <source>%1 behind schedule</source>
        <translation>比计划晚 %1</translation>
    </message>
    <message>
        <source>%1 ahead of schedule</source>
        <translation>比计划早 %1</translation>
    </message>
</context>
<context>
    <name>RoadshowController</name>
    <message>
        <source>The slot time could not be saved; the show goes on.</source>
        <extracomment>Keys that act on the show from anywhere in the console but a text field being typed into (a clicker&apos;s keys and the presenter&apos;s letters; digits, Enter, arrows and Space stay with the number choosers, lists and combo boxes of the capture panel).</extracomment>
        <translation>未能保存该项的时间；路演继续进行。</translation>
    </message>
    <message>
        <source>A scan was ignored: this console cannot record it.</source>
        <translation>已忽略一次扫码：此控制台无法记录意向。</translation>
    </message>
    <message>
        <source>There is only one screen: nothing to swap.</source>
        <translation>只有一块屏幕，无法交换。</translation>
    </message>
    <message>
        <source>Press Esc again to leave the show.</source>
        <translation>再按一次 Esc 退出路演。</translation>
    </message>
    <message>
        <source>There is no slot %1; the session has %2.</source>
        <translation>没有第 %1 项；本场共 %2 项。</translation>
    </message>
</context>
<context>
    <name>RoadshowPage</name>
    <message>
        <source>#</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Patent</source>
        <translation>专利</translation>
    </message>
    <message>
        <source>Presenter</source>
        <translation>讲者</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>分钟</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>Dark, high contrast</source>
        <translation>深色高对比</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Session title card before each slot</source>
        <translation>每项之前显示专场标题页</translation>
    </message>
    <message>
        <source>Start roadshow (F5)</source>
        <translation>开始路演 (F5)</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>放映</translation>
    </message>
    <message>
        <source>Projector theme</source>
        <translation>投影主题</translation>
    </message>
    <message>
        <source>Yellow when minutes left</source>
        <translation>剩余分钟数变黄</translation>
    </message>
    <message>
        <source>Red when minutes left</source>
        <translation>剩余分钟数变红</translation>
    </message>
    <message>
        <source>Start at slot</source>
        <translation>从第几项开始</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>专场</translation>
    </message>
    <message>
        <source>What the projector shows</source>
        <translation>投影画面预览</translation>
    </message>
    <message>
        <source>Start roadshow</source>
        <translation>开始路演</translation>
    </message>
    <message>
        <source>Roadshow</source>
        <translation>路演</translation>
    </message>
    <message>
        <source>min</source>
        <translation>分钟</translation>
    </message>
    <message>
        <source>No event yet: create one on the event page.</source>
        <translation>还没有活动：请先在活动页面创建。</translation>
    </message>
    <message>
        <source>This event has no roadshow session yet.</source>
        <translation>此活动还没有路演专场。</translation>
    </message>
    <message>
        <source>%1 slots, %2 minutes planned.</source>
        <translation>共 %1 项，计划 %2 分钟。</translation>
    </message>
</context>
<context>
    <name>RoadshowShot</name>
    <message>
        <source>The database has no roadshow session with slots; run “roadshow-desk demo” first.</source>
        <translation>数据库中没有含路演项的专场；请先运行“roadshow-desk demo”。</translation>
    </message>
</context>
</TS>

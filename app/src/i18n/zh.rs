//! 简体中文文本 (Simplified Chinese texts).

use super::{
    Key::{self, *},
    Msg,
};

pub(super) fn text(key: Key) -> &'static str {
    match key {
        SkipToContent => "跳到主要内容",
        ShopName => "Lumenwall",
        NavCatalog => "产品目录",
        NavAccount => "我的账户",
        NavCart => "购物车",
        NavMenu => "菜单",
        SearchLabel => "搜索产品目录",
        SearchSuggestions => "搜索建议",
        SearchPlaceholder => "搜索显示屏、模组、控制器…",
        SearchButton => "搜索",
        LanguageLabel => "语言",
        FooterPrivacy => "隐私政策",
        FooterTerms => "使用条款",
        FooterContact => "联系我们",
        FooterShopHeading => "商店",
        FooterHelpHeading => "帮助与政策",
        FooterAbout => {
            "为系统集成商和终端客户提供户外LED屏、租赁屏、体育场围栏屏及备件，批发订单享受阶梯价格。"
        }
        HomeTitle => "适用于各种场所的户外LED显示屏",
        HomeDescription => "零售或批发购买户外LED屏、租赁屏、体育场围栏屏、透明屏、模组和控制器。",
        HeroEyebrow => "户外LED显示专家",
        HeroHeading => "正午阳光下依然清晰，四季风雨中依然可靠。",
        HeroText => {
            "固定户外屏、租赁屏和体育场围栏屏，像素间距2.5至16毫米，亮度最高10,000尼特，前后IP65防护。一个箱体或整座体育场，均可下单。"
        }
        HeroCtaBrowse => "浏览产品目录",
        HeroCtaConfigure => "规划一面屏",
        FeaturedHeading => "像素间距最小的户外屏",
        FeaturedMore => "查看全部户外屏",
        CategoriesHeading => "按类别选购",
        CategoriesIntro => "户外安装所需的一切，从箱体到控制器。",
        WhyHeading => "为什么选择我们",
        WhyBrightTitle => "阳光直射下清晰可读",
        WhyBrightText => "户外箱体亮度5,500至10,000尼特，高刷新率，适合摄像拍摄。",
        WhyWeatherTitle => "为恶劣天气而造",
        WhyWeatherText => "前后IP65防护，宽工作温度范围，支持前维护或后维护。",
        WhyWholesaleTitle => "批发阶梯价",
        WhyWholesaleText => "满10件和50件即享更低价格，每个产品下单前都会显示。",
        WhyPrivacyTitle => "用代码守护隐私",
        WhyPrivacyText => {
            "没有第三方跟踪器。您可以查看我们保存的关于您的全部信息，并自行导出或删除。"
        }
        CatFixedOutdoor => "固定户外LED屏",
        CatFixedOutdoorText => "永久性广告牌和建筑外墙，高亮度，IP65防护。",
        CatRental => "租赁与舞台屏",
        CatRentalText => "轻量压铸箱体，快锁结构，适合巡演和活动。",
        CatPerimeter => "体育场围栏屏",
        CatPerimeterText => "带软面罩和防撞保护的场边广告屏。",
        CatTransparent => "透明LED屏",
        CatTransparentText => "适用于橱窗和建筑外墙的网格及玻璃透明屏。",
        CatModules => "LED模组与备件",
        CatModulesText => "用于维修的配套模组、电源和接收板。",
        CatControllers => "控制器与接收卡",
        CatControllersText => "发送盒、视频处理器和接收卡。",
        CatAccessories => "安装与电源配件",
        CatAccessoriesText => "框架、吊挂杆、线缆和配电设备。",
        CatalogTitle => "产品目录",
        CartTitle => "您的购物车",
        CurrencyUsd => "美元",
        CurrencyEur => "欧元",
        CurrencyGbp => "英镑",
        CurrencyCny => "人民币",
        CurrencyHkd => "港元",
        CartEmpty => "您的购物车是空的。",
        AddToCart => "加入购物车",
        AddedToCart => "已加入购物车。",
        ViewCart => "查看购物车",
        AddWallToCart => "将整面显示墙加入购物车",
        WallAddedToCart => "显示墙已加入购物车：箱体和控制器为一组。",
        CartProduct => "商品",
        CartUnitPrice => "单价",
        CartLineTotal => "小计",
        CartUpdate => "更新",
        CartRemove => "移除",
        CartRemoveWall => "移除整面显示墙",
        CartEmptyAction => "清空购物车",
        CartEmptyQuestion => "确定清空购物车中的所有商品？",
        CartSubtotal => "商品合计",
        CartSummaryHeading => "订单摘要",
        CartTaxNote => "运费和税费将在结账时根据收货地址计算。",
        CartCheckoutClosed => "结账功能尚未开放：您的购物车会一直保留。",
        CartContinue => "继续购物",
        CartFixLines => "部分商品数量超过库存：请先修改再结账。",
        CartUpdated => "购物车已更新。",
        SharedPayment => "付款",
        SharedDelivery => "配送",
        SharedCardToken => "银行卡令牌（非卡号）",
        SharedAmount => "金额",
        SharedCurrency => "币种",
        SharedAddress => "收货地址",
        SharedParcelWeight => "包裹重量",
        SharedParcelCount => "件数",
        InvoiceTitle => "发票",
        InvoiceBilledTo => "开票对象",
        InvoicePaidBy => "付款方式",
        InvoiceSellerTaxNumber => "增值税 / 税号",
        InvoiceForOrder => "对应订单",
        InvoicePrintHint => "可通过浏览器的打印菜单打印此页或另存为 PDF。",
        AccountCards => "已保存的银行卡",
        CardsEmpty => {
            "还没有保存的银行卡。保存一张可让结账更快：您在支付服务商的页面上输入，我们只保留卡组织、末四位和有效期。"
        }
        CardsAdd => "添加银行卡",
        CardsRemove => "删除",
        CardsExpires => "有效期至",
        CheckoutPayWithSaved => "使用此卡支付",
        SignInToContinue => "请登录您的账户，以继续前往您请求的页面。",
        CheckEmailAddCard => {
            "登录后您还可以保存一张银行卡，让结账更快（在支付服务商的页面上输入）。"
        }
        AdminOrders => "订单",
        AdminOrdersText => "为已付款订单发货、标记送达、取消并退款。",
        AdminOrdersEmpty => "没有符合条件的订单。",
        AdminSearchOrders => "查找订单（订单号、邮箱或姓名）",
        AdminOrderAll => "全部",
        AdminOrderStatusFilter => "状态",
        AdminMarkShipped => "交给快递公司并标记为已发货",
        AdminMarkDelivered => "标记为已送达",
        AdminCancelRefund => "取消并退款",
        AdminCancelQuestion => "取消此订单并全额退款？",
        AdminOrderUpdated => "订单已更新。",
        OrderCancel => "取消订单",
        OrderCancelQuestion => "确定取消此订单？您的付款将全额退还。",
        OrderCancelledNote => "您的订单已取消，付款已退还。",
        OrderBy => "操作人",
        RuleTooLateToCancel => "此订单已发货，无法取消。",
        RuleOrderStateChanged => "此订单状态已变化，请刷新页面查看。",
        RuleParcelBeingBooked => "快递公司正在登记此包裹，请稍后再试。",
        CartCheckout => "去结账",
        CheckoutTitle => "结账",
        CheckoutAddressStep => "收货地址",
        CheckoutDeliveryStep => "配送方式",
        CheckoutPaymentStep => "付款",
        CheckoutReviewStep => "确认并下单",
        CheckoutEmailHint => "订单确认及订单链接将发送到此邮箱，无需注册账户。",
        CheckoutUseAddress => "送到此地址",
        CheckoutFromBook => "从地址簿中选择",
        CheckoutDeliverHere => "送到这里",
        CheckoutChangeAddress => "更改地址",
        CheckoutUseCarrier => "选择此配送方式",
        CheckoutCardNote => {
            "您将在支付服务商的页面上输入银行卡信息。我们永远看不到卡号，只会收到卡组织、末四位和有效期。"
        }
        CheckoutEnterCard => "输入银行卡信息",
        CheckoutOtherCard => "使用其他银行卡",
        CheckoutPlaceNote => "下单时将从您的银行卡扣款。",
        CheckoutEditCart => "修改购物车",
        OrderShipping => "运费",
        OrderTotal => "合计",
        OrderTitle => "您的订单",
        OrderItems => "商品",
        OrderDelivery => "配送",
        OrderTracking => "运单号",
        OrderPayment => "付款",
        OrderTimeline => "订单状态",
        OrderSharedWith => "共享对象",
        OrderGuestAccount => {
            "用相同邮箱注册账户，即可在一处查看所有订单。无论是否注册，订单都属于您。"
        }
        AccountOrders => "订单",
        OrdersEmpty => "您还没有下过订单。",
        OrderNumber => "订单号",
        OrderDate => "日期",
        OrderStatus => "状态",
        OrderStatusPending => "等待付款",
        OrderStatusPaymentFailed => "付款失败",
        OrderStatusPaid => "已付款",
        OrderStatusShipped => "已发货",
        OrderStatusDelivered => "已送达",
        OrderStatusCancelled => "已取消",
        OrderStatusRefunded => "已退款",
        RuleSoldOut => {
            "抱歉，您购物车中某件商品的最后库存刚被他人买走。未扣任何款项，请查看购物车。"
        }
        RuleCartNotReady => "您的购物车为空或数量超出库存，请查看购物车。",
        RulePartOfAWall => "此行属于一面显示墙：请移除整面墙，或在配置器中重新规划。",
        RuleReviewChanged => {
            "自您核对订单以来，购物车或价格已发生变化。未扣任何款项，请重新核对订单。"
        }
        RuleCheckoutIncomplete => "结账步骤尚未完成：请检查地址、配送方式和银行卡。",
        DeclineDeclined => "您的银行卡被拒绝，未扣任何款项。请换一张卡。",
        DeclineInsufficientFunds => "您的银行卡余额不足，未扣任何款项。请换一张卡。",
        DeclineExpiredCard => "您的银行卡已过期，未扣任何款项。请换一张卡。",
        DeclineNotCompleted => "付款未完成，未扣任何款项。请重试。",
        SandboxTitle => "银行卡支付",
        SandboxNote => {
            "测试模式：不能使用真实银行卡，不会产生真实扣款。测试卡号：4242 4242 4242 4242（成功）、4000 0000 0000 0002（被拒）、4000 0000 0000 9995（余额不足）、4000 0000 0000 0069（已过期）；任意未来有效期和任意 3 位安全码。"
        }
        SandboxNumber => "卡号",
        SandboxExpiry => "有效期（月/年）",
        SandboxCvc => "安全码",
        SandboxSubmit => "使用此卡",
        SandboxCancel => "返回商店",
        SandboxClosed => "此支付页面已过期或已使用。请返回商店重新开始。",
        CardNumberMissing => "请输入卡号。",
        CardNumberInvalid => "卡号无效，请检查是否输入有误。",
        CardNotTest => "当前为测试模式：请使用上面列出的测试卡。",
        CardExpiryInvalid => "请按 月/年（MM/YY）格式输入有效期。",
        CardExpiryPast => "此卡已过期。",
        CardCvcInvalid => "请输入 3 位安全码（美国运通卡为 4 位）。",
        OutOfStock => "缺货",
        SearchTitle => "搜索",
        SearchEmptyQuery => "输入产品名称、型号或规格来搜索产品目录。",
        PrivacyTitle => "隐私政策",
        PrivacyIntro => "以下每一项承诺都由商店代码中的机制来履行，并由自动化测试检查。",
        TermsTitle => "使用条款",
        TermsIntro => "本条款适用于所有使用本商店的人。",
        TermsOrders => "付款成功后订单即确认。价格按订购数量适用相应的阶梯价，运费另计。",
        TermsConduct => "请勿滥用本商店：禁止欺诈、禁止尝试访问他人数据、禁止自动化滥用。",
        TermsSuspension => {
            "违反本条款的账户可能会被暂停。您下次登录时我们会告知原因，您也可以就此联系我们。"
        }
        ContactTitle => "联系我们",
        ContactIntro => "对产品、订单或您的数据有疑问？请写信给我们，会有专人在一个工作日内答复。",
        ContactEmailLabel => "电子邮箱",
        NotFoundTitle => "页面未找到",
        NotFoundText => "找不到该页面。它可能已被移动，或地址输入有误。",
        NotFoundHome => "返回首页",
        ErrorGeneric => "我们这边出了点问题，请稍后再试。",
        ErrorNotFound => "找不到您要的内容。",
        ErrorUnauthorized => "请先登录再继续。",
        ErrorForbidden => "您没有执行此操作的权限。",
        ErrorInvalidInput => "请检查标出的字段。",
        ErrorBadRequest => "无法读取浏览器发送的内容，请刷新页面后重试。",
        ErrorTooLarge => "您发送的内容过大，商店无法接收。",
        ErrorRateLimited => "尝试次数过多，请稍等片刻再试。",
        ErrorUnavailable => "商店暂时无法访问，请稍后再试。",
        ProblemTierOrder => "阶梯价必须从1件起，数量递增，且单价不得高于更小的订量。",
        ProblemNotAnImage => "该文件不是PNG、JPEG或WebP图片。",
        ProblemSlugShape => "只能使用小写字母、数字和连字符，例如 solara-fx-p10。",
        OrderStatusHeld => "待审核",
        OrderHeldNote => {
            "由于近期有多次付款失败，我们会在扣款前核查此订单。目前尚未扣款；订单确认或取消后我们会通知您。"
        }
        OrderHeldCancelledNote => "此订单经核查后已取消，您的银行卡未被扣款。",
        HoldBecause => "今日付款失败来自",
        HoldReasonCard => "此银行卡",
        HoldReasonAccount => "此账户",
        HoldReasonClient => "此客户端地址",
        HoldReleased => "已放行付款",
        AdminReleaseHeld => "放行并扣款",
        AdminCancelHeld => "取消，不扣款",
        AdminCancelHeldQuestion => "取消此待审核订单？库存将退回，不会扣款。",
        MailKindOrderHeld => "审核通知",
        AdminDisclosures => "执法机关调取记录",
        AdminDisclosuresText => {
            "只有在法律要求时，我们才会向执法机关提供个人数据。请在此登记每一项请求：记录一经登记便不能更改或删除。除非法律禁止告知顾客，该请求也会出现在顾客的“谁收到了您的数据”记录中。账户被删除后，相关记录仍会保留，但不再关联该账户。"
        }
        DisclosureNew => "登记调取请求",
        DisclosureEmail => "顾客的电子邮箱",
        DisclosureRequester => "提出请求的机关",
        DisclosureLegalBasis => "法律依据",
        DisclosureReference => "对方文号",
        DisclosureFields => "提供的数据",
        DisclosureTell => "可以告知顾客（该请求将显示在其数据去向记录中）",
        DisclosureSave => "登记请求",
        DisclosureSaved => "已登记。该记录不可再更改。",
        DisclosureRegister => "登记簿",
        DisclosureNone => "尚无登记的请求。",
        DisclosureTold => "顾客可在其数据去向记录中看到",
        DisclosureNotTold => "未告知顾客：法律禁止告知",
        DisclosureErased => "已删除的账户",
        SharedAddresses => "地址",
        SharedOrders => "订单",
        SharedPayments => "付款记录",
        SharedLegalObligation => "依法提供",
        UnsubscribeInvalid => "此退订链接无效。您可以在账户中更改营销选择。",
        MailKindNewsletter => "电子报",
        MailKindContactReply => "对您留言的回复",
        DataQuestions => "您向本店提出的问题",
        DataMessages => "与本店往来的留言",
        PurposeQuestions => "用于回答您的问题",
        ContactFormTitle => "给我们留言",
        ContactFormLead => "由专人通过您填写的邮箱答复。",
        ContactOrderField => "订单编号",
        ContactMessageField => "您的留言",
        ContactRobotField => "请勿填写此栏",
        ContactSend => "发送",
        ContactSent => "谢谢：我们已收到您的留言，将通过电子邮件回复。",
        ContactPrivacyNote => {
            "我们保存您的留言是为了回复您。会话关闭一年后，或在您删除账户时，留言将被删除；如果您用此地址开设了账户，可以在“我的数据”中找到它。"
        }
        AdminInbox => "收件箱",
        AdminInboxText => {
            "通过联系表单发来的问题。在会话中回复：回复将通过电子邮件发送，之后会话等待顾客回应。已关闭的会话一年后删除。"
        }
        AdminInboxAll => "全部",
        AdminInboxEmpty => "这里没有会话。",
        ThreadOpen => "待处理",
        ThreadWaiting => "等待顾客",
        ThreadClosed => "已关闭",
        AdminThreadReply => "通过电子邮件回复",
        AdminThreadReplySend => "发送回复",
        AdminThreadReplied => "回复已通过电子邮件发出。",
        AdminThreadSetStatus => "设置状态",
        AdminThreadStatusSaved => "状态已保存。",
        AdminThreadFromShop => "来自本店",
        AdminThreadAccount => "顾客账户",
        AdminThreadOrder => "所填订单编号",
        UnsubscribeTitle => "退订营销邮件",
        UnsubscribeLead => {
            "按下按钮即可停止接收我们通过电子邮件发送的资讯和优惠。有关订单和账户的邮件仍会照常发送。无需登录。"
        }
        UnsubscribeButton => "退订",
        UnsubscribeDone => "您已退订：我们不会再向此地址发送营销邮件。",
        UnsubscribeProfile => "在账户中更改您的营销选择",
        AdminNewsletters => "电子报",
        AdminNewslettersText => {
            "电子报只发送给选择接收营销邮件的顾客，使用其语言，正文和邮件头中都带有一键退订链接。"
        }
        AdminNewsletterNew => "撰写电子报",
        AdminNewsletterSent => "电子报正在发送，将分批寄出。",
        AdminNewsletterSubjectEn => "标题（英文）",
        AdminNewsletterBodyEn => "正文（英文）",
        AdminNewsletterSubjectZh => "标题（中文）",
        AdminNewsletterBodyZh => "正文（中文，可选）",
        AdminNewsletterHint => {
            "如果没有中文正文，中文读者将收到英文版本。每封邮件都会自动加上问候语、店名和退订链接。"
        }
        AdminNewsletterSend => "发送给已选择接收的顾客",
        AdminNewslettersSent => "已发送的电子报",
        AdminNewslettersNone => "尚未发送任何电子报。",
        AdminNewsletterSending => "发送中",
        DataWhy => "保存原因",
        DataKept => "保存期限",
        PurposeAccount => "用于运行您的账户并答复您",
        PurposeDelivery => "用于按您保存的地址配送",
        PurposeOrders => "用于配送订单、开具发票以及财务记账",
        PurposePayment => "用于在您要求时使用您保存的银行卡付款",
        PurposeCart => "用于保留您加入购物车的商品",
        PurposeChoices => "用于记录您作出的选择",
        PurposeMail => "用于向您发送订单和账户所需的邮件",
        PurposeSecurity => "用于保障您的账户安全",
        PurposeLedger => "用于向您展示谁收到了您的数据",
        PurposeAnalytics => "经您同意，用于改进网站",
        RetentionUntilErased => "直到您删除账户",
        RetentionAccounting => "直到您删除账户；之后去除您的姓名等信息，仅用于财务记账",
        RetentionUntilOrdered => "直到您下单或将其移除",
        RetentionUntilUsed => "直到使用；过期一天后删除",
        RetentionSession => "直到您退出登录，最长 30 天",
        SharedMailRelay => "邮件中转服务（为我们传送邮件的服务）",
        SharedName => "姓名",
        SharedMessage => "邮件内容",
        MailKindVerify => "确认邮箱地址的邮件",
        MailKindChangeEmail => "确认新邮箱地址的邮件",
        MailKindReset => "重置密码的邮件",
        MailKindAddressTaken => "关于用您的邮箱注册的邮件",
        MailKindEmailChanged => "邮箱地址已更改的邮件",
        MailKindOrderShipped => "发货通知",
        MailKindOrderCancelled => "取消通知",
        MailKindOrderPlaced => "订单确认",
        MailKindPolicyChanged => "隐私政策变更通知",
        LedgerHeading => "谁收到了您的数据",
        LedgerIntro => {
            "您的个人数据每一次离开本店的记录：发给支付服务商、快递公司和邮件中转服务；只有在法律要求时才会提供给有关部门。最新的在前；记录一经写入永不更改。"
        }
        LedgerEmpty => "目前没有：本店以外没有任何人收到过您的数据。",
        DataVisits => "您的访问（统计分析，经您同意）",
        DataPageViews => "您打开的页面（统计分析）",
        DataClicks => "您的点击（统计分析）",
        ConsentForget => "删除此浏览器的统计记录",
        ConsentForgotten => "此浏览器的统计记录已删除。",
        ConsentTitle => "您的隐私选择",
        ConsentText => {
            "除非您允许更多，本店只使用运行所必需的 Cookie。经您同意，我们会统计访问、页面和点击以改进网站（您的 IP 地址在收到时即被截短，记录在 90 天后删除），并可能根据您浏览过的内容挑选向您展示的优惠。这些数据不会提供给任何其他方。"
        }
        ConsentAcceptAll => "全部接受",
        ConsentRejectAll => "全部拒绝",
        ConsentChoose => "自行选择",
        ConsentNoticeOk => "知道了",
        ConsentNecessary => "必要（始终开启）",
        ConsentNecessaryText => {
            "您的会话（登录、购物车、结账）、语言和对比列表。没有它们，网站无法运行。"
        }
        ConsentAnalytics => "统计分析",
        ConsentAnalyticsText => {
            "您打开了哪些页面、点击了什么，以及您的语言、一个随机访客编号和在收到时即被截短的 IP 地址（去掉最后一段）。保存 90 天，之后只保留每日汇总。"
        }
        ConsentMarketing => "营销优惠",
        ConsentMarketingText => {
            "我们可能根据您浏览过的产品挑选向您展示的优惠。营销邮件是您账户中的另一项单独选择。"
        }
        ConsentSave => "保存我的选择",
        ConsentSaved => "您的选择已保存。",
        ConsentBrowserRefuses => {
            "您的浏览器要求网站不要跟踪您（全球隐私控制或“请勿跟踪”），因此无论此处如何选择，统计分析和营销优惠都保持关闭。"
        }
        ConsentChoicesLink => "隐私选择",
        ConsentNoChoiceYet => "您尚未选择：只使用必要的 Cookie。",
        ProblemDateInPast => "请选择今天或之后的日期。",
        PolicyVersionsHeading => "所有版本",
        PolicyWhatChanged => "本版本的变更",
        PolicyCompareHeading => "比较两个版本",
        PolicyCompareFrom => "旧版本",
        PolicyCompareTo => "新版本",
        PolicyCompareButton => "显示差异",
        PolicyChangesTitle => "隐私政策的变更",
        PolicyAdded => "新增",
        PolicyRemoved => "删除",
        PolicyNoChanges => "这两个版本在此语言下的文本相同。",
        PolicyAcknowledge => "我已阅读新版本",
        PolicyAcknowledged => "谢谢。您的账户已记录您阅读了此版本。",
        PolicyBannerLink => "查看变更内容",
        PolicyInEffect => "现行",
        PolicyReadFull => "阅读完整版本",
        AdminPrivacy => "隐私政策",
        AdminPrivacyText => {
            "先将新版本写成草稿，查看预览，然后设置生效日期并发布。自生效之日起，已登录的顾客会看到提示，直到他们阅读为止；发布时，所有已确认邮箱的账户都会收到邮件通知。"
        }
        AdminPolicyNewDraft => "新草稿",
        AdminPolicyDraft => "草稿",
        AdminPolicySummaryEn => "变更摘要（英文）",
        AdminPolicySummaryZh => "变更摘要（中文）",
        AdminPolicyTextEn => "政策全文（英文）",
        AdminPolicyTextZh => "政策全文（中文）",
        AdminPolicyTextHint => "各段之间空一行。以“## ”开头的行是标题；以“- ”开头的行组成列表。",
        AdminPolicySave => "保存草稿",
        AdminPolicySaved => "草稿已保存。",
        AdminPolicyDelete => "删除草稿",
        AdminPolicyPreview => "预览：与现行版本相比的变更",
        AdminPolicyChangesFromPrevious => "与上一版本相比的变更",
        AdminPolicyEffectiveOn => "生效日期（UTC）",
        AdminPolicyPublish => "发布",
        AdminPolicyPublishedNote => "已发布。通知邮件正在发送。",
        AdminPolicyNoticesPending => "通知邮件发送中",
        AdminPolicyOpen => "打开",
        ProblemWholeNumber => "请输入整数，例如 12。",
        ProblemDecimalNumber => "请输入数字，小数用点号，例如 4.8。",
        ProblemAmount => "请输入大于零的金额，例如 1250 或 1250.50。",
        ProblemNotZero => "请输入非零的变动数量，例如 +20 或 -5。",
        ProblemNotInList => "请从列表中选择一个值。",
        ProblemStockBelowZero => "库存不能低于零。",
        AdminProducts => "商品",
        AdminProductsText => "创建和编辑商品、价格、库存与图片；归档不再销售的商品。",
        AdminProductNew => "新建商品",
        AdminProductEdit => "编辑商品",
        AdminProductName => "名称",
        AdminBackToProducts => "← 全部商品",
        AdminStock => "库存",
        AdminArchived => "已归档",
        AdminArchive => "归档",
        AdminRestore => "重新上架",
        AdminViewInShop => "在商店中查看",
        AdminStockSaved => "库存已更新。",
        AdminStockDelta => "变动数量",
        AdminStockDeltaHint => "整数：到货填 +20，损坏填 -3。",
        AdminStockReason => "原因",
        AdminStockSubmit => "调整库存",
        AdminStockLog => "库存变动记录",
        AdminImage => "图片",
        AdminImageSaved => "图片已保存。",
        AdminImageChoose => "选择图片",
        AdminImageUpload => "上传",
        AdminImageHint => "PNG、JPEG或WebP格式，不超过1024 KiB。",
        AdminProductIdentity => "商品信息",
        AdminProductSlug => "网址标识（slug）",
        AdminProductBrand => "品牌",
        AdminProductModel => "型号",
        AdminSummaryEn => "摘要（英文）",
        AdminSummaryZh => "摘要（中文）",
        AdminDescriptionEn => "描述（英文）",
        AdminDescriptionZh => "描述（中文）",
        AdminPrices => "价格",
        AdminPrice1 => "单价（美元）",
        AdminOpeningStock => "初始库存",
        AdminTier2Qty => "第二档起订量（件）",
        AdminTier2Price => "第二档单价",
        AdminTier3Qty => "第三档起订量（件）",
        AdminTier3Price => "第三档单价",
        AdminPitchMm => "像素间距（毫米）",
        AdminIpFront => "防护等级（正面）",
        AdminIpBack => "防护等级（背面）",
        AdminCabinetWidth => "箱体宽度（毫米）",
        AdminCabinetHeight => "箱体高度（毫米）",
        AdminCabinetDepth => "箱体厚度（毫米）",
        AdminCabinetWeight => "箱体重量（千克）",
        AdminPxW => "箱体横向像素",
        AdminPxH => "箱体纵向像素",
        AdminPowerMax => "最大功耗（瓦/箱体）",
        AdminPowerTypical => "典型功耗（瓦/箱体）",
        AdminAngleH => "水平视角（°）",
        AdminAngleV => "垂直视角（°）",
        AdminTempMin => "最低工作温度（°C）",
        AdminTempMax => "最高工作温度（°C）",
        AdminDelivery => "质保与运输",
        AdminWarrantyMonths => "质保期（月）",
        AdminLeadDays => "交货期（天）",
        AdminShipWeight => "运输重量（千克）",
        AdminShipLength => "包装长度（毫米）",
        AdminShipWidth => "包装宽度（毫米）",
        AdminShipHeight => "包装高度（毫米）",
        RuleNotYourOwnAccount => "您不能停用自己的账户。",
        RuleKeepYourAdminRole => "您不能取消自己的管理员角色，可由另一位管理员更改。",
        RuleStaffAccountsNeedAnAdmin => "只有管理员可以停用或恢复员工或管理员账户。",
        RuleNotSuspended => "该账户未被停用。",
        Cancel => "取消",
        AddressDeleteQuestion => "删除此地址？此操作无法撤销。",
        ArchiveQuestion => "归档此商品？它将立即从商店下架（其页面显示“未找到”），之后可以恢复。",
        ErrorConflict => "在此期间数据已发生变化，操作未能完成。请刷新后重试。",
        ErrorSignInFailed => "邮箱地址或密码不正确。",
        ErrorSuspended => "此账户已被暂停，请联系我们。",
        ErrorLinkInvalid => "此链接已失效：已被使用或已过期。请重新申请。",
        ProblemRequired => "请填写此项。",
        ProblemInvalid => "此值无效。",
        ProblemInvalidEmail => "请输入有效的邮箱地址，例如 name@example.com。",
        ProblemInvalidPhone => "请输入6至20位数字的电话号码，例如 +86 138 0013 8000。",
        ProblemPasswordTooCommon => "此密码过于常见，请选择更难猜测的密码。",
        ProblemPasswordsDiffer => "两次输入的密码不一致。",
        ProblemMustAccept => "请确认您已阅读隐私政策。",
        ProblemUnknownCountry => "请从列表中选择国家或地区。",
        ProblemWrongPassword => "这不是您当前的密码。",
        ProblemEmailTaken => "此邮箱地址已注册账户。",
        ProblemTaken => "已被其他产品使用。",
        FieldOptional => "（选填）",
        FieldFullName => "姓名",
        FieldEmail => "电子邮箱",
        FieldNewEmail => "新的电子邮箱",
        FieldPhone => "电话",
        FieldPhoneHint => "仅提供给快递公司，以便送达货物。",
        FieldRecipientName => "收件人姓名",
        FieldRecipientPhone => "收件人电话",
        FieldRecipientPhoneHint => "快递公司无法送达时会拨打此号码。",
        FieldCompany => "公司",
        FieldTaxId => "增值税号或税号",
        FieldLine1 => "地址",
        FieldLine2 => "地址第二行",
        FieldCity => "城市",
        FieldRegion => "州、省或地区",
        FieldPostalCode => "邮政编码",
        FieldCountry => "国家或地区",
        FieldCountryChoose => "请选择…",
        FieldPassword => "密码",
        FieldNewPassword => "新密码",
        FieldCurrentPassword => "当前密码",
        FieldPasswordConfirm => "再次输入密码",
        FieldPasswordHint => "至少10个字符。几个不相关的词语组合即可构成强密码。",
        FieldMarketing => "通过电子邮件向我发送新闻和优惠（可随时退订）",
        FieldAcceptPolicy => "我已阅读隐私政策和使用条款",
        FieldRemember => "在此设备上保持登录30天",
        RegisterTitle => "创建账户",
        RegisterIntro => "拥有账户后，您可以下单、跟踪订单、撰写评价并管理您的数据。",
        RegisterHaveAccount => "已有账户？请登录。",
        RegisterAboutYou => "个人信息",
        RegisterAddress => "收货地址",
        RegisterPassword => "密码",
        RegisterChoices => "您的选择",
        RegisterSubmit => "创建账户",
        CheckEmailTitle => "请查收邮件",
        CheckEmailText => {
            "我们已向您提供的地址发送了一封邮件。请点击邮件中的链接确认您的地址。您现在即可登录，稍后再确认。"
        }
        SignInTitle => "登录",
        SignInSubmit => "登录",
        SignInForgot => "忘记密码？",
        SignInRegister => "创建账户",
        SignInAfterReset => "您的密码已更改，请使用新密码登录。",
        SignOut => "退出登录",
        ForgotTitle => "重置密码",
        ForgotIntro => {
            "请输入您账户的电子邮箱，我们将发送一个用于设置新密码的链接。链接一小时内有效。"
        }
        ForgotSubmit => "发送链接",
        ForgotSent => "如果有账户使用此地址，链接已在发送途中。请查收邮件。",
        ResetTitle => "设置新密码",
        ResetSubmit => "更改密码",
        VerifyTitle => "确认您的电子邮箱",
        VerifyIntro => "请点击按钮，确认此邮箱地址属于您。",
        VerifySubmit => "确认我的地址",
        VerifyDone => "谢谢：您的电子邮箱已确认。",
        VerifyResend => "重新发送链接",
        VerifyResent => "新的链接已发出。",
        VerifyBanner => "您的电子邮箱尚未确认。",
        VerifyBannerLink => "前往账户确认",
        AccountTitle => "我的账户",
        AccountMenu => "账户栏目",
        AccountOverview => "个人资料",
        AccountAddresses => "地址",
        AccountSecurity => "登录与安全",
        AccountData => "我的数据",
        ProfileHeading => "个人资料",
        ProfileMemberSince => "注册日期",
        ProfileSaved => "您的更改已保存。",
        SaveChanges => "保存更改",
        Edit => "编辑",
        Delete => "删除",
        Yes => "是",
        No => "否",
        AddressesEmpty => "您还没有保存的地址。",
        AddressAdd => "添加地址",
        AddressSaved => "地址已保存。",
        AddressDefault => "默认地址",
        AddressMakeDefault => "设为默认",
        EmailChangeHeading => "电子邮箱",
        EmailChangeIntro => "我们会向新地址发送链接；点击链接后，新地址将替换旧地址。",
        EmailChangeSubmit => "更改电子邮箱",
        EmailChangeSent => "请在新地址中查收确认链接。",
        PasswordChangeHeading => "密码",
        PasswordChangedDone => "密码已更改，其他所有会话均已退出登录。",
        PasswordChangeSubmit => "更改密码",
        SessionsHeading => "登录设备",
        SessionsIntro => "如有不认识的浏览器，请将其退出登录，然后更改密码。",
        SessionsBrowser => "浏览器",
        SessionsSignedIn => "登录时间",
        SessionsLastUsed => "最近使用",
        SessionsThis => "当前浏览器",
        SessionsEndOthers => "退出其他所有设备",
        SessionsEnded => "其他所有浏览器均已退出登录。",
        DataHeading => "我们保存的关于您的信息",
        DataIntro => "以下是本店保存的关于您的全部信息，逐项列出。可下载为文件留存副本。",
        DataDownload => "下载我的数据（JSON）",
        DataNone => "没有保存任何内容。",
        DataProfile => "个人资料",
        DataCart => "购物车",
        DataOrders => "订单",
        DataShared => "与他人共享的个人数据",
        DataAddresses => "地址",
        DataPolicy => "您确认过的隐私政策版本",
        DataConsents => "您的同意选择",
        DataEmailLinks => "我们通过邮件发送给您的链接",
        DataEmails => "我们发送给您的邮件",
        DataSessions => "登录会话",
        CancelHeading => "注销账户",
        CancelText => {
            "您将在所有设备上退出登录，工作人员也将看不到您的账户。30天内重新登录即可恢复，之后账户将被删除。"
        }
        CancelSubmit => "注销我的账户",
        DeleteHeading => "立即删除账户和数据",
        DeleteText => "您的个人数据将被立即删除且无法恢复。订单仅以匿名形式保留，用于会计用途。",
        DeleteSubmit => "删除我的账户",
        DeactivatedTitle => "您的账户已注销",
        DeactivatedText => "您已退出登录。如果改变主意，请在30天内登录，账户将恢复原状。",
        ErasedTitle => "您的账户已删除",
        ErasedWhat => "已删除的内容（记录数）",
        ErasedKept => "我们保留的内容",
        ErasedKeptText => {
            "订单将在不含您的姓名、地址或联系方式的情况下保留，用于会计用途。除此之外，不保留关于您的任何信息。"
        }
        AdminShort => "后台",
        AdminMenu => "后台栏目",
        AdminHome => "后台管理",
        AdminCustomers => "客户",
        AdminCustomersText => "查找客户、查看账户、暂停或恢复账户。",
        AdminCustomer => "客户详情",
        AdminBackToCustomers => "返回客户列表",
        AdminSearchCustomers => "按姓名或邮箱搜索",
        AdminNoCustomers => "没有匹配的客户。",
        AdminRole => "角色",
        AdminStatus => "状态",
        AdminRegistered => "注册日期",
        AdminUnverified => "未确认",
        AdminSuspend => "暂停账户",
        AdminSuspendText => "用于违反使用条款的情况。客户尝试登录时将看到原因。",
        AdminSuspendReason => "向客户显示的原因",
        AdminSuspended => "账户已暂停并已退出登录。",
        AdminReinstate => "恢复账户",
        AdminChangeRole => "更改角色",
        AdminMail => "邮箱",
        AdminMailText => {
            "本店写出的邮件，仅管理员可见。开发环境中未配置SMTP服务器时，邮件保存在此处而不会发出；其他员工账户的一次性链接会被隐藏。"
        }
        AdminMailTo => "收件人",
        AdminMailEmpty => "没有邮件。",
        AdminMailDelivered => "已送达",
        AdminMailQueued => "等待中",
        AdminMailSmtp => "邮件经由SMTP服务器发出；发送后正文即被删除，因此这里只显示投递状态。",
        AdminMailLinksHidden => "此邮件中的一次性链接已隐藏：它们作用于另一个员工账户。",
        RoleShopper => "顾客",
        RoleStaff => "员工",
        RoleAdmin => "管理员",
        StatusActive => "正常",
        StatusDeactivated => "已注销",
        StatusSuspended => "已暂停",
        Pagination => "分页",
        PagePrevious => "上一页",
        PageNext => "下一页",
        NavConfigurator => "屏幕配置器",
        Breadcrumbs => "面包屑导航",
        Loading => "加载中…",
        FiltersHeading => "筛选",
        FilterCategory => "类别",
        FilterAny => "不限",
        FilterPitch => "像素间距（毫米）",
        FilterFrom => "从",
        FilterTo => "至",
        FilterBrightness => "最低亮度",
        FilterIp => "正面防护等级",
        FilterPrice => "单价（美元）",
        FilterInStock => "仅显示有货",
        FilterApply => "应用筛选",
        FilterClear => "清除筛选",
        FilterNoResults => "没有符合这些筛选条件的产品。请尝试放宽像素间距或价格范围。",
        FilterIgnored => "部分筛选值不是数字，已被忽略。",
        SortLabel => "排序",
        SortApply => "排序",
        SortRelevance => "最相关",
        SortFeatured => "推荐",
        SortPriceLow => "价格：从低到高",
        SortPriceHigh => "价格：从高到低",
        SortPitchFine => "像素间距：从小到大",
        SortPitchCoarse => "像素间距：从大到小",
        SortNewest => "最新",
        InStock => "有货",
        TierHeading => "单价",
        TierQuantity => "数量",
        TierUnitPrice => "单价",
        Quantity => "数量",
        PriceUpdate => "显示价格",
        ConfigureWall => "配置整面屏",
        CompareToggle => "加入或移出对比",
        CompareOpen => "查看对比",
        CompareIsIn => "✓ 已加入对比。",
        CompareIsOut => "已移出对比。",
        CompareTitle => "产品对比",
        CompareEmpty => "暂无对比内容。请在产品页面添加（最多四件）。",
        CompareRemove => "移除",
        CompareDiffersHint => "高亮的行表示产品之间存在差异。",
        SpecsHeading => "技术规格",
        AboutProduct => "产品介绍",
        RelatedHeading => "相关产品",
        SpecPitch => "像素间距",
        SpecBrightness => "亮度",
        SpecIp => "防护等级",
        SpecRefresh => "刷新率",
        SpecCabinetSize => "箱体尺寸",
        SpecResolution => "箱体分辨率",
        SpecWeight => "箱体重量",
        SpecPower => "单箱功耗",
        SpecViewingAngle => "可视角度（水平/垂直）",
        SpecLedType => "灯珠类型",
        SpecMaintenance => "维护方式",
        MaintenanceFront => "前维护",
        MaintenanceRear => "后维护",
        MaintenanceBoth => "前后维护",
        SpecTemperature => "工作温度",
        SpecControllerCapacity => "带载像素",
        SpecWarranty => "质保",
        SpecLeadTime => "交货期",
        SpecShipping => "运输重量和尺寸",
        ConfiguratorTitle => "LED 屏幕配置器",
        ConfiguratorIntro => "选择箱体和尺寸，查看整面屏的分辨率、功耗、重量、观看距离和价格。",
        ConfiguratorCabinet => "箱体",
        ConfiguratorSizeBy => "尺寸计算方式",
        ConfiguratorByCabinets => "横向和纵向箱体数量",
        ConfiguratorByMetres => "宽度和高度（米）",
        ConfiguratorAcross => "横向箱体数",
        ConfiguratorDown => "纵向箱体数",
        ConfiguratorWidth => "目标宽度（米）",
        ConfiguratorHeight => "目标高度（米）",
        ConfiguratorSubmit => "计算报价",
        ConfiguratorChoose => "请先选择箱体。",
        ConfiguratorInvalid => {
            "请输入整数箱体数（每边 1 至 200），或以米为单位的宽度和高度，例如 4.5。"
        }
        ConfiguratorYourWall => "您的屏幕",
        ConfiguratorCabinets => "箱体",
        ConfiguratorSize => "尺寸",
        ConfiguratorResolution => "分辨率",
        ConfiguratorPixels => "像素总数",
        ConfiguratorAspect => "宽高比",
        ConfiguratorPower => "功耗",
        ConfiguratorWeight => "重量",
        ConfiguratorDistance => "最近观看距离",
        ConfiguratorCabinetPrice => "箱体价格",
        ConfiguratorQuote => "本店报价",
        ConfiguratorController => "控制器",
        ConfiguratorTotal => "合计（不含运费和税费）",
        ConfiguratorQuoteHint => "由本店服务器按当前阶梯价格核算。",
    }
}

/// The texts with values in them (see `Msg`): each is a `format!`, so a placeholder that
/// names no value of its message does not compile.
pub fn msg(m: &Msg) -> String {
    match *m {
        Msg::SearchResultsFor { query } => format!("“{query}”的搜索结果"),
        Msg::SearchCorrected { typed, shown } => {
            format!("没有与“{typed}”匹配的结果，以下为“{shown}”的搜索结果。")
        }
        Msg::SearchNoResults { query } => format!(
            "产品目录中没有与“{query}”匹配的内容。请尝试更短的词、像素间距（如“P3.9”），或浏览下方的类别。"
        ),
        Msg::ProblemFileTooLarge { max } => format!("文件过大，上限为 {max} KiB。"),
        Msg::ProblemOutOfRange { min, max } => format!("请输入 {min} 到 {max} 之间的整数。"),
        Msg::DeliveryDays { min, max } => format!("{min}–{max} 天"),
        Msg::CheckoutPay { total } => format!("下单并支付 {total}"),
        Msg::OrderTax { rate } => format!("税费（{rate}）"),
        Msg::OrderHeading { number } => format!("订单 {number}"),
        Msg::OrderPlacedAt { when } => format!("下单时间 {when}"),
        Msg::OrderThanks { email } => format!("谢谢！您的订单已付款，确认邮件正发往 {email}。"),
        Msg::MailOrderPlacedSubject { shop, number } => format!("{shop}：您的订单 {number}"),
        Msg::MailOrderPlacedBody {
            shop,
            name,
            number,
            total,
            link,
        } => format!(
            "{name}，您好：\n\n感谢您的订单 {number}。我们已收到您支付的 {total}。\n\n在这里查看订单并跟踪配送：\n{link}\n\n{shop}"
        ),
        Msg::MailOrderShippedSubject { shop, number } => {
            format!("{shop}：您的订单 {number} 已发货")
        }
        Msg::MailOrderShippedBody {
            shop,
            name,
            number,
            carrier,
            tracking,
            link,
        } => format!(
            "{name}，您好：\n\n您的订单 {number} 已交由 {carrier} 承运，运单号：{tracking}。\n\n在这里跟踪：\n{link}\n\n{shop}"
        ),
        Msg::MailOrderCancelledSubject { shop, number } => {
            format!("{shop}：您的订单 {number} 已取消")
        }
        Msg::MailOrderCancelledBody {
            shop,
            name,
            number,
            total,
            link,
        } => format!(
            "{name}，您好：\n\n您的订单 {number} 已取消，{total} 已退回您的银行卡。\n\n{link}\n\n{shop}"
        ),
        Msg::MailHeldOrderCancelledBody {
            shop,
            name,
            number,
            link,
        } => format!(
            "{name}，您好：\n\n经过核查，我们无法接受您的订单 {number}，该订单已取消。您的银行卡未被扣款。如您认为有误，请通过联系页面与我们联系。\n\n{link}\n\n{shop}"
        ),
        Msg::MailOrderHeldSubject { shop, number } => {
            format!("{shop}：我们正在核查您的订单 {number}")
        }
        Msg::MailOrderHeldBody {
            shop,
            name,
            number,
            link,
        } => format!(
            "{name}，您好：\n\n我们已收到您的订单 {number}。由于近期有多次付款失败，在扣款之前将由我们的工作人员进行核查。目前尚未扣款；订单确认或取消后我们会再次通知您。\n\n{link}\n\n{shop}"
        ),
        Msg::CabinetStock { count, days } => match count {
            0 => format!("暂无库存，交货期 {days} 天"),
            _ => format!("库存 {count} 件，{days} 天内发货"),
        },
        Msg::ItemShort { name, count } => match count {
            0 => format!("{name}：目前无库存，暂时无法订购这面墙。"),
            _ => format!("{name}：库存仅剩 {count} 件，不够这面墙。"),
        },
        Msg::OnlyInStock { count } => match count {
            0 => "目前无库存。".to_string(),
            _ => format!("库存仅剩 {count} 件。"),
        },
        Msg::CartSummary { count, total } => format!("{count} 件，{total}"),
        Msg::CartSaving { saving } => format!("阶梯价：节省 {saving}"),
        Msg::CartShort { count } => match count {
            0 => "目前缺货：请移除后再结账。".to_string(),
            _ => format!("目前仅剩 {count} 件：请减少数量后再结账。"),
        },
        Msg::WallDrawingLabel {
            cols,
            rows,
            width,
            height,
            person,
        } => format!(
            "按比例绘制的显示墙：{cols} × {rows} 个箱体，宽 {width}，高 {height}，旁边是身高 {person} 的人。"
        ),
        Msg::FooterPrices { currency } => {
            format!("所有价格以{currency}计，不含运费和税费（结账时计算）。")
        }
        Msg::WallGroup { cols, rows } => format!("LED 显示墙，{cols} × {rows} 个箱体"),
        Msg::RoleChangeQuestion { name, role } => format!("将 {name} 的角色改为{role}？"),
        Msg::RuleCartFull { max } => {
            format!("购物车已满（{max} 行）：请先结账或移除一行再添加。")
        }
        Msg::RuleCardsFull { max } => format!("您已保存 {max} 张银行卡：请先删除一张再添加。"),
        Msg::RuleAddressBookFull { max } => {
            format!("您的地址簿已满（{max} 个地址），请删除一个后再添加。")
        }
        Msg::FieldsToFix { count } => format!("有 {count} 处需要修改。"),
        Msg::AdminStockNow { count } => format!("库存 {count} 件"),
        Msg::ErrorSuspendedWithReason { reason } => {
            format!("此账户已被暂停：{reason}。如您认为有误，请联系我们。")
        }
        Msg::ErrorRateLimitedFor { seconds } if seconds >= 120 => {
            format!("尝试次数过多。请等待 {} 分钟后再试。", seconds.div_ceil(60))
        }
        Msg::ErrorRateLimitedFor { seconds } => {
            format!("尝试次数过多。请等待 {seconds} 秒后再试。")
        }
        Msg::ProblemTooShort { min } => format!("请至少输入 {min} 个字符。"),
        Msg::ProblemTooLong { max } => format!("最多只能输入 {max} 个字符。"),
        Msg::VerifyReminder { email } => {
            format!("请确认您的电子邮箱：我们已向 {email} 发送了链接。")
        }
        Msg::ErasedWhen { when } => format!("删除时间：{when}。"),
        Msg::MailVerifySubject { shop } => format!("请确认您在 {shop} 的电子邮箱"),
        Msg::MailVerifyBody { shop, name, link } => format!(
            "{name}，您好：\n\n请打开以下链接确认您的电子邮箱：\n\n{link}\n\n链接48小时内有效。如果您没有在 {shop} 创建账户，请忽略此邮件。\n\n{shop}"
        ),
        Msg::MailExistingSubject { shop } => format!("有人尝试用您的地址在 {shop} 注册"),
        Msg::MailExistingBody {
            shop,
            name,
            signin,
            reset,
        } => format!(
            "{name}，您好：\n\n有人尝试用此邮箱地址在 {shop} 创建账户，但该地址已注册。如果是您本人，请在此登录：\n\n{signin}\n\n忘记密码？请在此设置新密码：\n\n{reset}\n\n如果不是您本人，无需进行任何操作。\n\n{shop}"
        ),
        Msg::MailResetSubject { shop } => format!("重置您在 {shop} 的密码"),
        Msg::MailResetBody { shop, name, link } => format!(
            "{name}，您好：\n\n请在一小时内打开以下链接设置新密码：\n\n{link}\n\n如果您没有提出此请求，请忽略此邮件，您的密码不会改变。\n\n{shop}"
        ),
        Msg::MailChangeEmailSubject { shop } => format!("请确认您在 {shop} 的新电子邮箱"),
        Msg::MailChangeEmailBody { shop, name, link } => format!(
            "{name}，您好：\n\n如需将此地址用于您的 {shop} 账户，请打开以下链接：\n\n{link}\n\n在此之前，您的旧地址仍然有效。\n\n{shop}"
        ),
        Msg::MailEmailChangedSubject { shop } => format!("您在 {shop} 的电子邮箱已更改"),
        Msg::MailEmailChangedBody { shop, name, email } => format!(
            "{name}，您好：\n\n您 {shop} 账户的电子邮箱现已更改为 {email}。如果这不是您本人的操作，请立即联系我们。\n\n{shop}"
        ),
        Msg::RetentionMailDays { days } => format!("投递后 {days} 天删除"),
        Msg::RetentionClosedDays { days } => format!("保存至会话结束后 {days} 天"),
        Msg::ThreadTitle { number } => format!("会话 #{number}"),
        Msg::RetentionAnalyticsDays { days } => {
            format!("{days} 天，之后只保留不含您个人信息的每日汇总")
        }
        Msg::PolicyVersionLine { version, date } => format!("第 {version} 版，自 {date} 起生效"),
        Msg::PolicyTakesEffect { version, date } => format!("第 {version} 版将于 {date} 生效"),
        Msg::PolicyVersionName { version } => format!("第 {version} 版"),
        Msg::PolicyEffective { date } => format!("{date} 生效"),
        Msg::PolicyUnchanged { count } => format!("{count} 段未变更"),
        Msg::PolicyEffectiveLater { date } => format!("将于 {date} 生效"),
        Msg::PolicyBanner { date } => format!("我们的隐私政策已于 {date} 更新。"),
        Msg::PolicyDiffHeading { from, to } => format!("从第 {from} 版到第 {to} 版的变更"),
        Msg::MailPolicySubject { shop, version } => {
            format!("{shop} 的隐私政策即将更新（第 {version} 版）")
        }
        Msg::MailContactReplySubject { shop, number } => {
            format!("回复：您发给 {shop} 的留言（{number}）")
        }
        Msg::MailContactReplyBody {
            shop,
            name,
            number,
            text,
            link,
        } => format!(
            "{name}，您好：\n\n{text}\n\n{shop}\n\n--\n这是对您的留言 {number} 的回复。如需再次联系我们，请使用联系页面上的表单并注明 {number}：\n{link}"
        ),
        Msg::MailNewsletterSubject { shop, subject } => format!("{shop} 资讯：{subject}"),
        Msg::MailNewsletterBody {
            shop,
            name,
            text,
            link,
            profile,
        } => format!(
            "{name}，您好：\n\n{text}\n\n{shop}\n\n--\n您收到这封邮件，是因为您选择了通过电子邮件接收 {shop} 的资讯和优惠。一键退订（无需登录）：\n{link}\n或在个人资料中更改您的选择：\n{profile}"
        ),
        Msg::MailPolicyBody {
            shop,
            name,
            version,
            date,
            summary,
            link,
        } => format!(
            "{name}，您好：\n\n我们的隐私政策第 {version} 版将于 {date} 生效。\n\n变更内容：{summary}\n\n在此查看变更：\n{link}\n\n自该日起，您登录后网站会请您确认已阅读新版本。您收到这封邮件，是因为您在本店拥有账户。\n\n{shop}"
        ),
        Msg::NewsletterAudience { count } => {
            format!("{count} 位顾客选择了接收营销邮件，现在发送将送达他们。")
        }
        Msg::NewsletterRecipients { count } => format!("{count} 位收件人"),
        Msg::ResultCount { count } => format!("共 {count} 件产品"),
        Msg::PageOf { page, pages } => format!("第 {page} 页，共 {pages} 页"),
        Msg::PriceFrom { price } => format!("{price} 起"),
        Msg::StockLevel { count, days } => format!("有货：{count} 件，{days} 天内发货。"),
        Msg::PriceForQuantity { qty, total } => format!("{qty} 件：{total}"),
        Msg::SpecIpValue { front, back } => format!("正面 {front}，背面 {back}"),
        Msg::SpecPowerValue { max, typical } => format!("最大 {max} 瓦，典型 {typical} 瓦"),
        Msg::MonthsValue { n } => format!("{n} 个月"),
        Msg::DaysValue { n } => format!("{n} 天"),
        Msg::ConfiguratorTierValue { count, unit, total } => {
            format!("{count} 个 × {unit} = {total}")
        }
    }
}

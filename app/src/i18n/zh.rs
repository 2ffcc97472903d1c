//! 简体中文文本 (Simplified Chinese texts).

use super::Key::{self, *};

pub(super) fn text(key: Key) -> &'static str {
    match key {
        SkipToContent => "跳到主要内容",
        ShopName => "Lumenwall",
        ShopTagline => "户外LED显示屏，零售与批发",
        NavHome => "首页",
        NavCatalog => "产品目录",
        NavAccount => "我的账户",
        NavCart => "购物车",
        CartCount => "购物车中有 {count} 件商品",
        NavMenu => "菜单",
        SearchLabel => "搜索产品目录",
        SearchPlaceholder => "搜索显示屏、模组、控制器…",
        SearchButton => "搜索",
        LanguageLabel => "语言",
        LanguageApply => "切换语言",
        FooterPrivacy => "隐私政策",
        FooterTerms => "使用条款",
        FooterContact => "联系我们",
        FooterRights => "所有价格以美元计，不含运费。",
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
        HeroCtaContact => "咨询销售团队",
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
        CatalogIntro => "选择一个类别，查看其中的显示屏和配件。",
        CategoryEmpty => "该类别暂无产品。",
        BackToCatalog => "返回产品目录",
        CartTitle => "您的购物车",
        CartEmpty => "您的购物车是空的。",
        SearchTitle => "搜索",
        SearchResultsFor => "“{query}”的搜索结果",
        SearchNoResults => {
            "产品目录中没有与“{query}”匹配的内容。请尝试更短的词、像素间距（如“P3.9”），或浏览下方的类别。"
        }
        SearchEmptyQuery => "输入产品名称、型号或规格来搜索产品目录。",
        PrivacyTitle => "隐私政策",
        PrivacyIntro => "以下每一项承诺都由商店代码中的机制来履行，并由自动化测试检查。",
        PrivacyPromisesHeading => "我们的承诺",
        PolicyP1 => {
            "您注册时，我们收集您的姓名、地址、电话和电子邮箱；您付款时，我们收集您的银行卡信息。完整卡号和安全码直接交给支付机构，我们从不保存。"
        }
        PolicyP2 => {
            "在您同意后，我们可能记录您的IP地址（已截短）、语言偏好、访问次数和浏览的页面。原始记录在90天后删除。"
        }
        PolicyP3 => {
            "您的姓名、电话和地址会提供给快递公司，以便送达货物，除此之外不提供任何其他信息。"
        }
        PolicyP4 => {
            "我们使用您的信息处理订单、提供客户服务和改进网站。只有在您主动订阅后才会发送营销邮件，每封邮件都有一键退订链接。"
        }
        PolicyP5 => "银行卡号通过强加密传送给支付机构。",
        PolicyP6 => {
            "只有在法律要求时，我们才会向执法机关披露信息或为防范欺诈而披露信息，并记录每一次披露。"
        }
        PolicyP7 => "您可以使用账户撰写评价，并可编辑或删除。",
        PolicyP8 => "您可以随时在账户中修改您的个人信息。",
        PolicyP9 => "您可以自行注销或删除账户及个人信息，并可在删除前下载一份副本。",
        PolicyP10 => {
            "我们不出售、交易或授权他人使用您的数据。商店没有任何第三方跟踪器，您可以查看谁在何时、因何收到了您的数据。"
        }
        PolicyP11 => "本政策变更时，我们会向您展示变更内容并提醒您阅读。",
        PolicyP12 => "对您的数据有疑问？请联系我们，会有专人答复。",
        TermsTitle => "使用条款",
        TermsIntro => "本条款适用于所有使用本商店的人。",
        TermsOrders => "付款成功后订单即确认。价格按订购数量适用相应的阶梯价，运费另计。",
        TermsReviews => {
            "评价应针对产品本身，真实客观，不得包含个人信息、广告或辱骂内容。违反规定的评价可能会被隐藏。"
        }
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
        ErrorTitle => "出错了",
        ErrorGeneric => "我们这边出了点问题，请稍后再试。",
        ErrorNotFound => "找不到您要的内容。",
        ErrorUnauthorized => "请先登录再继续。",
        ErrorForbidden => "您没有执行此操作的权限。",
        ErrorInvalidInput => "请检查标出的字段。",
        ErrorRateLimited => "尝试次数过多，请稍等片刻再试。",
        ErrorUnavailable => "商店暂时无法访问，请稍后再试。",
        ErrorConflict => "在此期间数据已发生变化，操作未能完成。请刷新后重试。",
        ErrorSignInFailed => "邮箱地址或密码不正确。",
        ErrorSuspended => "此账户已被暂停，请联系我们。",
        ErrorSuspendedWithReason => "此账户已被暂停：{reason}。如您认为有误，请联系我们。",
        ErrorLinkInvalid => "此链接已失效：已被使用或已过期。请重新申请。",
        ErrorRateLimitedFor => "尝试次数过多。请等待 {seconds} 秒后再试。",
        ProblemRequired => "请填写此项。",
        ProblemTooShort => "请至少输入 {min} 个字符。",
        ProblemTooLong => "最多只能输入 {max} 个字符。",
        ProblemInvalid => "此值无效。",
        ProblemInvalidEmail => "请输入有效的邮箱地址，例如 name@example.com。",
        ProblemInvalidPhone => "请输入6至20位数字的电话号码，例如 +86 138 0013 8000。",
        ProblemPasswordTooCommon => "此密码过于常见，请选择更难猜测的密码。",
        ProblemPasswordsDiffer => "两次输入的密码不一致。",
        ProblemMustAccept => "请确认您已阅读隐私政策。",
        ProblemUnknownCountry => "请从列表中选择国家或地区。",
        ProblemWrongPassword => "这不是您当前的密码。",
        ProblemEmailTaken => "此邮箱地址已注册账户。",
        FieldOptional => "（选填）",
        FieldFullName => "姓名",
        FieldEmail => "电子邮箱",
        FieldNewEmail => "新的电子邮箱",
        FieldPhone => "电话",
        FieldPhoneHint => "仅提供给快递公司，以便送达货物。",
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
        VerifyReminder => "请确认您的电子邮箱：我们已向 {email} 发送了链接。",
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
        PasswordChangeSubmit => "更改密码",
        PasswordChanged => "您的密码已更改。已退出的其他会话：{count} 个。",
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
        ErasedWhen => "删除时间：{when}。",
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
        AdminMailText => "本店已发送的邮件。未配置SMTP服务器时，邮件保存在此处而不会发出。",
        AdminMailTo => "收件人",
        AdminMailEmpty => "没有邮件。",
        AdminMailDelivered => "已送达",
        AdminMailQueued => "等待中",
        RoleShopper => "顾客",
        RoleStaff => "员工",
        RoleAdmin => "管理员",
        StatusActive => "正常",
        StatusDeactivated => "已注销",
        StatusSuspended => "已暂停",
        Pagination => "分页",
        PagePrevious => "上一页",
        PageNext => "下一页",
        MailVerifySubject => "请确认您在 {shop} 的电子邮箱",
        MailVerifyBody => {
            "{name}，您好：\n\n请打开以下链接确认您的电子邮箱：\n\n{link}\n\n链接48小时内有效。如果您没有在 {shop} 创建账户，请忽略此邮件。\n\n{shop}"
        }
        MailExistingSubject => "有人尝试用您的地址在 {shop} 注册",
        MailExistingBody => {
            "{name}，您好：\n\n有人尝试用此邮箱地址在 {shop} 创建账户，但该地址已注册。如果是您本人，请在此登录：\n\n{signin}\n\n忘记密码？请在此设置新密码：\n\n{reset}\n\n如果不是您本人，无需进行任何操作。\n\n{shop}"
        }
        MailResetSubject => "重置您在 {shop} 的密码",
        MailResetBody => {
            "{name}，您好：\n\n请在一小时内打开以下链接设置新密码：\n\n{link}\n\n如果您没有提出此请求，请忽略此邮件，您的密码不会改变。\n\n{shop}"
        }
        MailChangeEmailSubject => "请确认您在 {shop} 的新电子邮箱",
        MailChangeEmailBody => {
            "{name}，您好：\n\n如需将此地址用于您的 {shop} 账户，请打开以下链接：\n\n{link}\n\n在此之前，您的旧地址仍然有效。\n\n{shop}"
        }
        MailEmailChangedSubject => "您在 {shop} 的电子邮箱已更改",
        MailEmailChangedBody => {
            "{name}，您好：\n\n您 {shop} 账户的电子邮箱现已更改为 {email}。如果这不是您本人的操作，请立即联系我们。\n\n{shop}"
        }
    }
}

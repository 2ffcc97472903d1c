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
    }
}

//! Translation layer: every user-visible string is a [`Key`] looked up in one catalog per
//! language (`en.rs`, `zh.rs`). Each catalog is an exhaustive `match`, so a key missing in
//! either language is a compile error; the tests below check the texts themselves.

mod en;
mod export_fields;
mod zh;

pub use export_fields::export_field;

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// The languages the shop speaks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    En,
    Zh,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Zh];

    /// The short code kept in the language cookie and in forms.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh",
        }
    }

    /// The BCP 47 tag for `<html lang>`.
    pub fn html_tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh-CN",
        }
    }

    /// The language's own name, shown in the picker whatever the current language is.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Zh => "简体中文",
        }
    }

    /// A short label for compact places such as the header's language switch.
    pub fn short_name(self) -> &'static str {
        match self {
            Lang::En => "EN",
            Lang::Zh => "中文",
        }
    }

    /// Parses a cookie or form value (`en`, `zh`, or a full tag such as `zh-CN`).
    pub fn from_code(code: &str) -> Option<Lang> {
        let primary = code.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "en" => Some(Lang::En),
            "zh" => Some(Lang::Zh),
            _ => None,
        }
    }

    /// Picks the best supported language from an `Accept-Language` header: the highest
    /// q-value wins, ties keep header order; `None` when nothing offered is supported.
    pub fn from_accept_language(header: &str) -> Option<Lang> {
        let mut best: Option<(Lang, f32)> = None;
        for item in header.split(',') {
            let mut parts = item.split(';');
            let tag = parts.next().unwrap_or("").trim();
            let q = parts
                .filter_map(|p| p.trim().strip_prefix("q="))
                .filter_map(|q| q.trim().parse::<f32>().ok())
                .next()
                .unwrap_or(1.0);
            if q <= 0.0 {
                continue;
            }
            if let Some(lang) = Lang::from_code(tag)
                && best.is_none_or(|(_, best_q)| q > best_q)
            {
                best = Some((lang, q));
            }
        }
        best.map(|(lang, _)| lang)
    }

    /// The language for a request: an explicit choice (cookie) wins over the browser's
    /// `Accept-Language`; English when neither names a supported language.
    pub fn negotiate(cookie: Option<&str>, accept_language: Option<&str>) -> Lang {
        cookie
            .and_then(Lang::from_code)
            .or_else(|| accept_language.and_then(Lang::from_accept_language))
            .unwrap_or_default()
    }

    pub fn text(self, key: Key) -> &'static str {
        match self {
            Lang::En => en::text(key),
            Lang::Zh => zh::text(key),
        }
    }

    /// A text with values in it, in this language.
    pub fn msg(self, msg: Msg) -> String {
        match self {
            Lang::En => en::msg(&msg),
            Lang::Zh => zh::msg(&msg),
        }
    }
}

/// A text with values in it. Each variant carries exactly the values its text shows, and
/// each language writes it with `format!` (`en::msg`, `zh::msg`): a misspelt or missing
/// placeholder, or a language without the text, does not compile.
#[derive(Clone, Copy, Debug)]
pub enum Msg<'a> {
    MailOrderShippedSubject {
        shop: &'a str,
        number: &'a str,
    },
    MailOrderShippedBody {
        shop: &'a str,
        name: &'a str,
        number: &'a str,
        carrier: &'a str,
        tracking: &'a str,
        link: &'a str,
    },
    MailOrderCancelledSubject {
        shop: &'a str,
        number: &'a str,
    },
    MailOrderCancelledBody {
        shop: &'a str,
        name: &'a str,
        number: &'a str,
        total: &'a str,
        link: &'a str,
    },
    MailHeldOrderCancelledBody {
        shop: &'a str,
        name: &'a str,
        number: &'a str,
        link: &'a str,
    },
    MailOrderHeldSubject {
        shop: &'a str,
        number: &'a str,
    },
    MailOrderHeldBody {
        shop: &'a str,
        name: &'a str,
        number: &'a str,
        link: &'a str,
    },
    DeliveryDays {
        min: u32,
        max: u32,
    },
    CheckoutPay {
        total: &'a str,
    },
    OrderTax {
        rate: &'a str,
    },
    OrderHeading {
        number: &'a str,
    },
    OrderPlacedAt {
        when: &'a str,
    },
    OrderThanks {
        email: &'a str,
    },
    MailOrderPlacedSubject {
        shop: &'a str,
        number: &'a str,
    },
    MailOrderPlacedBody {
        shop: &'a str,
        name: &'a str,
        number: &'a str,
        total: &'a str,
        link: &'a str,
    },
    OnlyInStock {
        count: i64,
    },
    CartSummary {
        count: i64,
        total: &'a str,
    },
    CartSaving {
        saving: &'a str,
    },
    CartShort {
        count: i64,
    },
    WallDrawingLabel {
        cols: i64,
        rows: i64,
        width: &'a str,
        height: &'a str,
        person: &'a str,
    },
    FooterPrices {
        currency: &'a str,
    },
    WallGroup {
        cols: i64,
        rows: i64,
    },
    RoleChangeQuestion {
        name: &'a str,
        role: &'a str,
    },
    RuleCartFull {
        max: usize,
    },
    RuleCardsFull {
        max: usize,
    },
    RuleAddressBookFull {
        max: usize,
    },
    FieldsToFix {
        count: i64,
    },
    SearchResultsFor {
        query: &'a str,
    },
    /// The typed search found nothing; these results are for a corrected spelling.
    SearchCorrected {
        typed: &'a str,
        shown: &'a str,
    },
    SearchNoResults {
        query: &'a str,
    },
    ProblemFileTooLarge {
        max: usize,
    },
    ProblemOutOfRange {
        min: i64,
        max: i64,
    },
    AdminStockNow {
        count: i64,
    },
    ErrorSuspendedWithReason {
        reason: &'a str,
    },
    ErrorRateLimitedFor {
        seconds: u64,
    },
    ProblemTooShort {
        min: usize,
    },
    ProblemTooLong {
        max: usize,
    },
    VerifyReminder {
        email: &'a str,
    },
    ErasedWhen {
        when: &'a str,
    },
    MailVerifySubject {
        shop: &'a str,
    },
    MailVerifyBody {
        shop: &'a str,
        name: &'a str,
        link: &'a str,
    },
    MailExistingSubject {
        shop: &'a str,
    },
    MailExistingBody {
        shop: &'a str,
        name: &'a str,
        signin: &'a str,
        reset: &'a str,
    },
    MailResetSubject {
        shop: &'a str,
    },
    MailResetBody {
        shop: &'a str,
        name: &'a str,
        link: &'a str,
    },
    MailChangeEmailSubject {
        shop: &'a str,
    },
    MailChangeEmailBody {
        shop: &'a str,
        name: &'a str,
        link: &'a str,
    },
    MailEmailChangedSubject {
        shop: &'a str,
    },
    MailEmailChangedBody {
        shop: &'a str,
        name: &'a str,
        email: &'a str,
    },
    RetentionMailDays {
        days: i64,
    },
    RetentionAnalyticsDays {
        days: i64,
    },
    RetentionClosedDays {
        days: i64,
    },
    ThreadTitle {
        number: i64,
    },
    PolicyVersionLine {
        version: i64,
        date: &'a str,
    },
    PolicyTakesEffect {
        version: i64,
        date: &'a str,
    },
    PolicyVersionName {
        version: i64,
    },
    PolicyEffective {
        date: &'a str,
    },
    PolicyUnchanged {
        count: i64,
    },
    PolicyEffectiveLater {
        date: &'a str,
    },
    PolicyBanner {
        date: &'a str,
    },
    PolicyDiffHeading {
        from: i64,
        to: i64,
    },
    MailPolicySubject {
        shop: &'a str,
        version: i64,
    },
    MailContactReplySubject {
        shop: &'a str,
        number: &'a str,
    },
    MailContactReplyBody {
        shop: &'a str,
        name: &'a str,
        number: &'a str,
        text: &'a str,
        link: &'a str,
    },
    MailNewsletterSubject {
        shop: &'a str,
        subject: &'a str,
    },
    MailNewsletterBody {
        shop: &'a str,
        name: &'a str,
        text: &'a str,
        link: &'a str,
        profile: &'a str,
    },
    MailPolicyBody {
        shop: &'a str,
        name: &'a str,
        version: i64,
        date: &'a str,
        summary: &'a str,
        link: &'a str,
    },
    ResultCount {
        count: i64,
    },
    ReviewCount {
        count: i64,
    },
    StarsLabel {
        rating: i64,
    },
    RatingOutOfFive {
        tenths: i64,
    },
    ReviewHiddenBecause {
        reason: &'a str,
    },
    ReviewHelpfulCount {
        count: i64,
    },
    MailReviewHiddenSubject {
        shop: &'a str,
    },
    MailReviewHiddenBody {
        shop: &'a str,
        name: &'a str,
        product: &'a str,
        reason: &'a str,
        link: &'a str,
    },
    ReviewOf {
        product: &'a str,
    },
    NewsletterAudience {
        count: i64,
    },
    NewsletterRecipients {
        count: i64,
    },
    PageOf {
        page: u32,
        pages: u32,
    },
    PriceFrom {
        price: &'a str,
    },
    StockLevel {
        count: i64,
        days: u32,
    },
    /// A cabinet in the configurator's choice: its stock and lead time.
    CabinetStock {
        count: i64,
        days: u32,
    },
    /// An item of a wall the stock cannot cover.
    ItemShort {
        name: &'a str,
        count: i64,
    },
    PriceForQuantity {
        qty: i64,
        total: &'a str,
    },
    SpecIpValue {
        front: &'a str,
        back: &'a str,
    },
    SpecPowerValue {
        max: u64,
        typical: u64,
    },
    MonthsValue {
        n: u32,
    },
    DaysValue {
        n: u32,
    },
    ConfiguratorTierValue {
        count: i64,
        unit: &'a str,
        total: &'a str,
    },
}

macro_rules! keys {
    ($($key:ident),* $(,)?) => {
        /// Every translatable text of the shop.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Key { $($key),* }

        impl Key {
            pub const ALL: &'static [Key] = &[$(Key::$key),*];
        }
    };
}

keys! {
    // Shell
    SkipToContent,
    ShopName,
    NavCatalog,
    NavAccount,
    NavCart,
    NavMenu,
    SearchLabel,
    SearchSuggestions,
    SearchPlaceholder,
    SearchButton,
    LanguageLabel,
    FooterPrivacy,
    FooterTerms,
    FooterContact,
    FooterShopHeading,
    FooterHelpHeading,
    FooterAbout,
    // Home
    HomeTitle,
    HomeDescription,
    HeroEyebrow,
    HeroHeading,
    HeroText,
    HeroCtaBrowse,
    HeroCtaConfigure,
    FeaturedHeading,
    FeaturedMore,
    CategoriesHeading,
    CategoriesIntro,
    WhyHeading,
    WhyBrightTitle,
    WhyBrightText,
    WhyWeatherTitle,
    WhyWeatherText,
    WhyWholesaleTitle,
    WhyWholesaleText,
    WhyPrivacyTitle,
    WhyPrivacyText,
    // Categories
    CatFixedOutdoor,
    CatFixedOutdoorText,
    CatRental,
    CatRentalText,
    CatPerimeter,
    CatPerimeterText,
    CatTransparent,
    CatTransparentText,
    CatModules,
    CatModulesText,
    CatControllers,
    CatControllersText,
    CatAccessories,
    CatAccessoriesText,
    // Catalog and cart shells
    CatalogTitle,
    CartTitle,
    CartEmpty,
    CurrencyUsd,
    CurrencyEur,
    CurrencyGbp,
    CurrencyCny,
    CurrencyHkd,
    AddToCart,
    AddedToCart,
    ViewCart,
    AddWallToCart,
    WallAddedToCart,
    CartProduct,
    CartUnitPrice,
    CartLineTotal,
    CartUpdate,
    CartRemove,
    CartRemoveWall,
    CartEmptyAction,
    CartEmptyQuestion,
    CartSubtotal,
    CartSummaryHeading,
    CartTaxNote,
    CartCheckoutClosed,
    CartContinue,
    CartFixLines,
    CartUpdated,
    SharedPayment,
    SharedDelivery,
    SharedCardToken,
    SharedAmount,
    SharedCurrency,
    SharedAddress,
    SharedParcelWeight,
    SharedParcelCount,
    InvoiceTitle,
    InvoiceBilledTo,
    InvoicePaidBy,
    InvoicePrintHint,
    InvoiceSellerTaxNumber,
    InvoiceForOrder,
    AccountCards,
    CardsEmpty,
    CardsAdd,
    CardsRemove,
    CardsExpires,
    CheckoutPayWithSaved,
    CheckEmailAddCard,
    SignInToContinue,
    AdminOrders,
    AdminOrdersText,
    AdminOrdersEmpty,
    AdminSearchOrders,
    AdminOrderAll,
    AdminOrderStatusFilter,
    AdminMarkShipped,
    AdminMarkDelivered,
    AdminCancelRefund,
    AdminCancelQuestion,
    AdminOrderUpdated,
    OrderCancel,
    OrderCancelQuestion,
    OrderCancelledNote,
    OrderBy,
    RuleTooLateToCancel,
    RuleOrderStateChanged,
    RuleParcelBeingBooked,
    CartCheckout,
    CheckoutTitle,
    CheckoutAddressStep,
    CheckoutDeliveryStep,
    CheckoutPaymentStep,
    CheckoutReviewStep,
    CheckoutEmailHint,
    CheckoutUseAddress,
    CheckoutFromBook,
    CheckoutDeliverHere,
    CheckoutChangeAddress,
    CheckoutUseCarrier,
    CheckoutCardNote,
    CheckoutEnterCard,
    CheckoutOtherCard,
    CheckoutPlaceNote,
    CheckoutEditCart,
    OrderShipping,
    OrderTotal,
    OrderTitle,
    OrderItems,
    OrderDelivery,
    OrderTracking,
    OrderPayment,
    OrderTimeline,
    OrderSharedWith,
    OrderGuestAccount,
    AccountOrders,
    OrdersEmpty,
    OrderNumber,
    OrderDate,
    OrderStatus,
    OrderStatusPending,
    OrderStatusPaymentFailed,
    OrderStatusPaid,
    OrderStatusShipped,
    OrderStatusDelivered,
    OrderStatusCancelled,
    OrderStatusRefunded,
    RuleSoldOut,
    RuleCartNotReady,
    RuleCheckoutIncomplete,
    RuleReviewChanged,
    RulePartOfAWall,
    DeclineDeclined,
    DeclineInsufficientFunds,
    DeclineExpiredCard,
    DeclineNotCompleted,
    SandboxTitle,
    SandboxNote,
    SandboxNumber,
    SandboxExpiry,
    SandboxCvc,
    SandboxSubmit,
    SandboxCancel,
    SandboxClosed,
    CardNumberMissing,
    CardNumberInvalid,
    CardNotTest,
    CardExpiryInvalid,
    CardExpiryPast,
    CardCvcInvalid,
    OutOfStock,
    SearchTitle,
    SearchEmptyQuery,
    // Legal and contact pages
    PrivacyTitle,
    PrivacyIntro,
    TermsTitle,
    TermsIntro,
    TermsOrders,
    TermsConduct,
    TermsReviews,
    TermsSuspension,
    ContactTitle,
    ContactIntro,
    ContactEmailLabel,
    // Errors
    NotFoundTitle,
    NotFoundText,
    NotFoundHome,
    ErrorGeneric,
    ErrorNotFound,
    ErrorUnauthorized,
    ErrorForbidden,
    ErrorInvalidInput,
    ErrorBadRequest,
    ErrorTooLarge,
    ErrorRateLimited,
    ErrorUnavailable,
    ErrorConflict,
    Cancel,
    AddressDeleteQuestion,
    ArchiveQuestion,
    RuleNotYourOwnAccount,
    RuleKeepYourAdminRole,
    RuleStaffAccountsNeedAnAdmin,
    RuleNotSuspended,
    ProblemTierOrder,
    ProblemNotAnImage,
    ProblemStockBelowZero,
    ProblemSlugShape,
    ReviewsHeading,
    ReviewWrite,
    ReviewsNone,
    ReviewSortLabel,
    ReviewSortNewest,
    ReviewSortHighest,
    ReviewSortLowest,
    ReviewPages,
    ReviewVerified,
    ReviewPros,
    ReviewCons,
    AccountReviews,
    MyReviewsEmpty,
    ReviewStatusPublished,
    ReviewStatusHeld,
    ReviewStatusHidden,
    ReviewSortHelpful,
    ReviewHelpful,
    ReviewReport,
    ReviewReportReason,
    ReviewReportSend,
    ReportOffTopic,
    ReportPersonalData,
    ReportAdvertising,
    ReportAbuse,
    ReportOther,
    ReviewVoted,
    ReviewReported,
    AdminReviews,
    AdminReviewsText,
    AdminReviewsWaiting,
    AdminReviewsHidden,
    AdminReviewsEmpty,
    AdminReviewApprove,
    AdminReviewHide,
    AdminReviewRestore,
    AdminReviewHideReason,
    AdminReviewSaved,
    AdminReviewLog,
    AdminReviewReports,
    AdminReviewAuthorInactive,
    AdminReviewFormerStaff,
    DecisionApprove,
    DecisionHide,
    DecisionRestore,
    SortRating,
    FilterRating,
    FacetRatingFourUp,
    MailKindReviewHidden,
    ReviewEdit,
    ReviewWriteTitle,
    ReviewNoProduct,
    ReviewBackToProduct,
    ReviewCurrentState,
    ReviewRating,
    ReviewTitle,
    ReviewBody,
    ReviewRules,
    ReviewPublish,
    ReviewSaved,
    ReviewDelete,
    ReviewDeleted,
    DataReviews,
    DataHelpfulVotes,
    DataReviewReports,
    PurposeReviews,
    AnalyticsNothing,
    RecommendedTitle,
    RecommendedWhy,
    AdminAnalytics,
    AdminAnalyticsText,
    AnalyticsFrom,
    AnalyticsTo,
    AnalyticsShow,
    AnalyticsNote,
    AnalyticsViews,
    AnalyticsVisitors,
    AnalyticsRevenue,
    AnalyticsFunnel,
    AnalyticsTopPages,
    AnalyticsLanguages,
    AnalyticsConsent,
    AnalyticsDay,
    AnalyticsCount,
    AnalyticsStep,
    AnalyticsPage,
    AnalyticsLanguage,
    AnalyticsChoice,
    AnalyticsGranted,
    AnalyticsRefused,
    AnalyticsFunnelProduct,
    AnalyticsFunnelCart,
    AnalyticsFunnelCheckout,
    AnalyticsFunnelPaid,
    AnalyticsMarketingMail,
    OrderStatusHeld,
    OrderHeldNote,
    OrderHeldCancelledNote,
    HoldBecause,
    HoldReasonCard,
    HoldReasonAccount,
    HoldReasonClient,
    HoldReleased,
    AdminReleaseHeld,
    AdminCancelHeld,
    AdminCancelHeldQuestion,
    MailKindOrderHeld,
    AdminDisclosures,
    AdminDisclosuresText,
    DisclosureNew,
    DisclosureEmail,
    DisclosureRequester,
    DisclosureLegalBasis,
    DisclosureReference,
    DisclosureFields,
    DisclosureTell,
    DisclosureSave,
    DisclosureSaved,
    DisclosureRegister,
    DisclosureNone,
    DisclosureTold,
    DisclosureNotTold,
    DisclosureErased,
    SharedAddresses,
    SharedOrders,
    SharedPayments,
    SharedLegalObligation,
    UnsubscribeInvalid,
    MailKindNewsletter,
    MailKindContactReply,
    DataQuestions,
    DataMessages,
    PurposeQuestions,
    ContactFormTitle,
    ContactFormLead,
    ContactOrderField,
    ContactMessageField,
    ContactRobotField,
    ContactSend,
    ContactSent,
    ContactPrivacyNote,
    AdminInbox,
    AdminInboxText,
    AdminInboxAll,
    AdminInboxEmpty,
    ThreadOpen,
    ThreadWaiting,
    ThreadClosed,
    AdminThreadReply,
    AdminThreadReplySend,
    AdminThreadReplied,
    AdminThreadSetStatus,
    AdminThreadStatusSaved,
    AdminThreadFromShop,
    AdminThreadAccount,
    AdminThreadOrder,
    UnsubscribeTitle,
    UnsubscribeLead,
    UnsubscribeButton,
    UnsubscribeDone,
    UnsubscribeProfile,
    AdminNewsletters,
    AdminNewslettersText,
    AdminNewsletterNew,
    AdminNewsletterSent,
    AdminNewsletterSubjectEn,
    AdminNewsletterBodyEn,
    AdminNewsletterSubjectZh,
    AdminNewsletterBodyZh,
    AdminNewsletterHint,
    AdminNewsletterSend,
    AdminNewslettersSent,
    AdminNewslettersNone,
    AdminNewsletterSending,
    DataWhy,
    DataKept,
    PurposeAccount,
    PurposeDelivery,
    PurposeOrders,
    PurposePayment,
    PurposeCart,
    PurposeChoices,
    PurposeMail,
    PurposeSecurity,
    PurposeLedger,
    PurposeAnalytics,
    RetentionUntilErased,
    RetentionAccounting,
    RetentionUntilOrdered,
    RetentionUntilUsed,
    RetentionSession,
    SharedMailRelay,
    SharedName,
    SharedMessage,
    MailKindVerify,
    MailKindChangeEmail,
    MailKindReset,
    MailKindAddressTaken,
    MailKindEmailChanged,
    MailKindOrderShipped,
    MailKindOrderCancelled,
    MailKindOrderPlaced,
    MailKindPolicyChanged,
    LedgerHeading,
    LedgerIntro,
    LedgerEmpty,
    DataVisits,
    DataPageViews,
    DataClicks,
    ConsentForget,
    ConsentForgotten,
    ConsentTitle,
    ConsentText,
    ConsentAcceptAll,
    ConsentRejectAll,
    ConsentChoose,
    ConsentNoticeOk,
    ConsentNecessary,
    ConsentNecessaryText,
    ConsentAnalytics,
    ConsentAnalyticsText,
    ConsentMarketing,
    ConsentMarketingText,
    ConsentSave,
    ConsentSaved,
    ConsentBrowserRefuses,
    ConsentChoicesLink,
    ConsentNoChoiceYet,
    ProblemDateInPast,
    PolicyVersionsHeading,
    PolicyWhatChanged,
    PolicyCompareHeading,
    PolicyCompareFrom,
    PolicyCompareTo,
    PolicyCompareButton,
    PolicyChangesTitle,
    PolicyAdded,
    PolicyRemoved,
    PolicyNoChanges,
    PolicyAcknowledge,
    PolicyAcknowledged,
    PolicyBannerLink,
    PolicyInEffect,
    PolicyReadFull,
    AdminPrivacy,
    AdminPrivacyText,
    AdminPolicyNewDraft,
    AdminPolicyDraft,
    AdminPolicySummaryEn,
    AdminPolicySummaryZh,
    AdminPolicyTextEn,
    AdminPolicyTextZh,
    AdminPolicyTextHint,
    AdminPolicySave,
    AdminPolicySaved,
    AdminPolicyDelete,
    AdminPolicyPreview,
    AdminPolicyChangesFromPrevious,
    AdminPolicyEffectiveOn,
    AdminPolicyPublish,
    AdminPolicyPublishedNote,
    AdminPolicyNoticesPending,
    AdminPolicyOpen,
    ProblemWholeNumber,
    ProblemDecimalNumber,
    ProblemAmount,
    ProblemNotZero,
    ProblemNotInList,
    AdminProducts,
    AdminProductsText,
    AdminProductNew,
    AdminProductEdit,
    AdminProductName,
    AdminBackToProducts,
    AdminStock,
    AdminArchived,
    AdminArchive,
    AdminRestore,
    AdminViewInShop,
    AdminStockSaved,
    AdminStockDelta,
    AdminStockDeltaHint,
    AdminStockReason,
    AdminStockSubmit,
    AdminStockLog,
    AdminImage,
    AdminImageSaved,
    AdminImageChoose,
    AdminImageUpload,
    AdminImageHint,
    AdminProductIdentity,
    AdminProductSlug,
    AdminProductBrand,
    AdminProductModel,
    AdminSummaryEn,
    AdminSummaryZh,
    AdminDescriptionEn,
    AdminDescriptionZh,
    AdminPrices,
    AdminPrice1,
    AdminOpeningStock,
    AdminTier2Qty,
    AdminTier2Price,
    AdminTier3Qty,
    AdminTier3Price,
    AdminPitchMm,
    AdminIpFront,
    AdminIpBack,
    AdminCabinetWidth,
    AdminCabinetHeight,
    AdminCabinetDepth,
    AdminCabinetWeight,
    AdminPxW,
    AdminPxH,
    AdminPowerMax,
    AdminPowerTypical,
    AdminAngleH,
    AdminAngleV,
    AdminTempMin,
    AdminTempMax,
    AdminDelivery,
    AdminWarrantyMonths,
    AdminLeadDays,
    AdminShipWeight,
    AdminShipLength,
    AdminShipWidth,
    AdminShipHeight,
    NavConfigurator,
    Breadcrumbs,
    Loading,
    FiltersHeading,
    FilterCategory,
    FilterAny,
    FilterPitch,
    FilterFrom,
    FilterTo,
    FilterBrightness,
    FilterIp,
    FilterPrice,
    FilterInStock,
    FilterApply,
    FilterClear,
    FilterNoResults,
    FilterIgnored,
    SortLabel,
    SortApply,
    SortRelevance,
    SortFeatured,
    SortPriceLow,
    SortPriceHigh,
    SortPitchFine,
    SortPitchCoarse,
    SortNewest,
    InStock,
    TierHeading,
    TierQuantity,
    TierUnitPrice,
    Quantity,
    PriceUpdate,
    ConfigureWall,
    CompareToggle,
    CompareOpen,
    CompareIsIn,
    CompareIsOut,
    CompareTitle,
    CompareEmpty,
    CompareRemove,
    CompareDiffersHint,
    SpecsHeading,
    AboutProduct,
    RelatedHeading,
    SpecPitch,
    SpecBrightness,
    SpecIp,
    SpecRefresh,
    SpecCabinetSize,
    SpecResolution,
    SpecWeight,
    SpecPower,
    SpecViewingAngle,
    SpecLedType,
    SpecMaintenance,
    MaintenanceFront,
    MaintenanceRear,
    MaintenanceBoth,
    SpecTemperature,
    SpecControllerCapacity,
    SpecWarranty,
    SpecLeadTime,
    SpecShipping,
    ConfiguratorTitle,
    ConfiguratorIntro,
    ConfiguratorCabinet,
    ConfiguratorSizeBy,
    ConfiguratorByCabinets,
    ConfiguratorByMetres,
    ConfiguratorAcross,
    ConfiguratorDown,
    ConfiguratorWidth,
    ConfiguratorHeight,
    ConfiguratorSubmit,
    ConfiguratorChoose,
    ConfiguratorInvalid,
    ConfiguratorYourWall,
    ConfiguratorCabinets,
    ConfiguratorSize,
    ConfiguratorResolution,
    ConfiguratorPixels,
    ConfiguratorAspect,
    ConfiguratorPower,
    ConfiguratorWeight,
    ConfiguratorDistance,
    ConfiguratorCabinetPrice,
    ConfiguratorQuote,
    ConfiguratorController,
    ConfiguratorTotal,
    ConfiguratorQuoteHint,
    ErrorSignInFailed,
    ErrorSuspended,
    ErrorLinkInvalid,
    ProblemRequired,
    ProblemInvalid,
    ProblemInvalidEmail,
    ProblemInvalidPhone,
    ProblemPasswordTooCommon,
    ProblemPasswordsDiffer,
    ProblemMustAccept,
    ProblemUnknownCountry,
    ProblemWrongPassword,
    ProblemEmailTaken,
    ProblemTaken,
    FieldOptional,
    FieldFullName,
    FieldEmail,
    FieldNewEmail,
    FieldPhone,
    FieldPhoneHint,
    FieldRecipientName,
    FieldRecipientPhone,
    FieldRecipientPhoneHint,
    FieldCompany,
    FieldTaxId,
    FieldLine1,
    FieldLine2,
    FieldCity,
    FieldRegion,
    FieldPostalCode,
    FieldCountry,
    FieldCountryChoose,
    FieldPassword,
    FieldNewPassword,
    FieldCurrentPassword,
    FieldPasswordConfirm,
    FieldPasswordHint,
    FieldMarketing,
    FieldAcceptPolicy,
    FieldRemember,
    RegisterTitle,
    RegisterIntro,
    RegisterHaveAccount,
    RegisterAboutYou,
    RegisterAddress,
    RegisterPassword,
    RegisterChoices,
    RegisterSubmit,
    CheckEmailTitle,
    CheckEmailText,
    SignInTitle,
    SignInSubmit,
    SignInForgot,
    SignInRegister,
    SignInAfterReset,
    SignOut,
    ForgotTitle,
    ForgotIntro,
    ForgotSubmit,
    ForgotSent,
    ResetTitle,
    ResetSubmit,
    VerifyTitle,
    VerifyIntro,
    VerifySubmit,
    VerifyDone,
    VerifyResend,
    VerifyResent,
    VerifyBanner,
    VerifyBannerLink,
    AccountTitle,
    AccountMenu,
    AccountOverview,
    AccountAddresses,
    AccountSecurity,
    AccountData,
    ProfileHeading,
    ProfileMemberSince,
    ProfileSaved,
    SaveChanges,
    Edit,
    Delete,
    Yes,
    No,
    AddressesEmpty,
    AddressAdd,
    AddressSaved,
    AddressDefault,
    AddressMakeDefault,
    EmailChangeHeading,
    EmailChangeIntro,
    EmailChangeSubmit,
    EmailChangeSent,
    PasswordChangeHeading,
    PasswordChangeSubmit,
    PasswordChangedDone,
    SessionsHeading,
    SessionsIntro,
    SessionsBrowser,
    SessionsSignedIn,
    SessionsLastUsed,
    SessionsThis,
    SessionsEndOthers,
    SessionsEnded,
    DataHeading,
    DataIntro,
    DataDownload,
    DataNone,
    DataProfile,
    DataAddresses,
    DataCart,
    DataOrders,
    DataShared,
    DataPolicy,
    DataConsents,
    DataEmailLinks,
    DataEmails,
    DataSessions,
    CancelHeading,
    CancelText,
    CancelSubmit,
    DeleteHeading,
    DeleteText,
    DeleteSubmit,
    DeactivatedTitle,
    DeactivatedText,
    ErasedTitle,
    ErasedWhat,
    ErasedKept,
    ErasedKeptText,
    AdminShort,
    AdminMenu,
    AdminHome,
    AdminCustomers,
    AdminCustomersText,
    AdminCustomer,
    AdminBackToCustomers,
    AdminSearchCustomers,
    AdminNoCustomers,
    AdminRole,
    AdminStatus,
    AdminRegistered,
    AdminUnverified,
    AdminSuspend,
    AdminSuspendText,
    AdminSuspendReason,
    AdminSuspended,
    AdminReinstate,
    AdminChangeRole,
    AdminMail,
    AdminMailText,
    AdminMailTo,
    AdminMailEmpty,
    AdminMailDelivered,
    AdminMailQueued,
    AdminMailSmtp,
    AdminMailLinksHidden,
    RoleShopper,
    RoleStaff,
    RoleAdmin,
    StatusActive,
    StatusDeactivated,
    StatusSuspended,
    Pagination,
    PagePrevious,
    PageNext,
}

/// The current language, shared by every component of a page.
#[derive(Clone, Copy)]
pub struct I18n {
    lang: RwSignal<Lang>,
}

impl I18n {
    pub fn lang(&self) -> Lang {
        self.lang.get()
    }

    pub fn set_lang(&self, lang: Lang) {
        self.lang.set(lang);
    }

    /// The text for `key` in the current language (tracks the language signal).
    pub fn t(&self, key: Key) -> &'static str {
        self.lang.get().text(key)
    }

    /// A text with values in it, in the current language (tracks the language signal).
    pub fn msg(&self, msg: Msg) -> String {
        self.lang.get().msg(msg)
    }
}

/// Provides the language for this page: on the server it is negotiated from the request
/// (cookie, then `Accept-Language`); in the browser it is read back from `<html lang>`, which
/// the server wrote, so hydration renders the same text.
pub fn provide_i18n() -> I18n {
    let i18n = I18n {
        lang: RwSignal::new(initial_lang()),
    };
    provide_context(i18n);
    i18n
}

pub fn use_i18n() -> I18n {
    expect_context::<I18n>()
}

/// A reactive text for use directly in `view!`: `{tr(Key::NavHome)}`.
pub fn tr(key: Key) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let i18n = use_i18n();
    move || i18n.t(key)
}

#[cfg(feature = "ssr")]
fn initial_lang() -> Lang {
    current_request_lang()
}

/// The language of the request being served (cookie, then `Accept-Language`).
#[cfg(feature = "ssr")]
pub fn current_request_lang() -> Lang {
    with_context::<axum::http::request::Parts, _>(|parts| lang_of_request(&parts.headers))
        .unwrap_or_default()
}

#[cfg(not(feature = "ssr"))]
fn initial_lang() -> Lang {
    #[cfg(feature = "hydrate")]
    {
        if let Some(tag) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
            .and_then(|el| el.get_attribute("lang"))
        {
            return Lang::from_code(&tag).unwrap_or_default();
        }
    }
    Lang::default()
}

/// The language a request asks for: the `lang` cookie, else `Accept-Language`.
#[cfg(feature = "ssr")]
pub fn lang_of_request(headers: &axum::http::HeaderMap) -> Lang {
    use axum::http::header::ACCEPT_LANGUAGE;
    let cookie = crate::cookies::get(headers, crate::cookies::LANG);
    let accept = headers.get(ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok());
    Lang::negotiate(cookie.as_deref(), accept)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    #[test]
    fn every_key_has_a_text_in_every_language() {
        for lang in Lang::ALL {
            for key in Key::ALL {
                assert!(
                    !lang.text(*key).trim().is_empty(),
                    "{key:?} is empty in {lang:?}"
                );
            }
        }
    }

    #[test]
    fn plain_texts_have_no_placeholders() {
        // Texts with values are `Msg`s, checked when they compile.
        for lang in Lang::ALL {
            for key in Key::ALL {
                let text = lang.text(*key);
                assert!(
                    !text.contains('{'),
                    "{key:?} in {lang:?} has a placeholder: {text}"
                );
            }
        }
    }

    #[test]
    fn messages_fill_in_their_values_in_both_languages() {
        let samples = [
            Msg::ResultCount { count: 7 },
            Msg::StockLevel { count: 3, days: 5 },
            Msg::CabinetStock { count: 0, days: 5 },
            Msg::ItemShort {
                name: "Solara FX P4",
                count: 2,
            },
            Msg::PriceForQuantity {
                qty: 12,
                total: "$1.00",
            },
            Msg::MailResetBody {
                shop: "Lumenwall",
                name: "Mei",
                link: "https://x/y",
            },
            Msg::ProblemOutOfRange { min: -5, max: 5 },
        ];
        for msg in samples {
            let (en, zh) = (Lang::En.msg(msg), Lang::Zh.msg(msg));
            assert!(!en.contains('{') && !zh.contains('{'), "{en} / {zh}");
            assert!(
                zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                "{zh}"
            );
        }
        assert!(
            Lang::Zh
                .msg(Msg::MailResetBody {
                    shop: "S",
                    name: "Mei",
                    link: "L"
                })
                .contains("Mei")
        );
    }

    #[test]
    fn english_counts_agree_with_their_nouns() {
        assert_eq!(Lang::En.msg(Msg::ResultCount { count: 1 }), "1 product");
        assert_eq!(Lang::En.msg(Msg::ResultCount { count: 0 }), "0 products");
        assert_eq!(
            Lang::En.msg(Msg::StockLevel { count: 1, days: 1 }),
            "In stock: 1 unit, ships in 1 day."
        );
        assert_eq!(
            Lang::En.msg(Msg::PriceForQuantity {
                qty: 2,
                total: "$9.00"
            }),
            "2 units: $9.00"
        );
        assert_eq!(Lang::En.msg(Msg::MonthsValue { n: 1 }), "1 month");
    }

    #[test]
    fn chinese_catalog_is_actually_translated() {
        // Brand names may stay the same, but a Chinese text without a single CJK character
        // means an English string was pasted in as a placeholder.
        let untranslated: Vec<_> = Key::ALL
            .iter()
            .filter(|key| !matches!(key, Key::ShopName))
            .filter(|key| {
                !Lang::Zh
                    .text(**key)
                    .chars()
                    .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
            })
            .collect();
        assert!(untranslated.is_empty(), "not translated: {untranslated:?}");
    }

    #[test]
    fn keys_are_listed_once() {
        let unique: BTreeSet<_> = Key::ALL.iter().map(|k| format!("{k:?}")).collect();
        assert_eq!(unique.len(), Key::ALL.len());
    }

    #[test]
    fn codes_round_trip() {
        for lang in Lang::ALL {
            assert_eq!(Lang::from_code(lang.code()), Some(lang));
            assert_eq!(Lang::from_code(lang.html_tag()), Some(lang));
        }
        assert_eq!(Lang::from_code("fr"), None);
        assert_eq!(Lang::from_code(""), None);
    }

    #[test]
    fn accept_language_prefers_highest_quality() {
        assert_eq!(
            Lang::from_accept_language("zh-CN,zh;q=0.9,en;q=0.8"),
            Some(Lang::Zh)
        );
        assert_eq!(Lang::from_accept_language("en-US,en;q=0.9"), Some(Lang::En));
        assert_eq!(
            Lang::from_accept_language("fr;q=1, zh;q=0.5, en;q=0.7"),
            Some(Lang::En)
        );
        assert_eq!(Lang::from_accept_language("de, zh-Hans"), Some(Lang::Zh));
        assert_eq!(
            Lang::from_accept_language("zh;q=0, en;q=0.1"),
            Some(Lang::En)
        );
        assert_eq!(Lang::from_accept_language("fr, de"), None);
        assert_eq!(Lang::from_accept_language(""), None);
        assert_eq!(Lang::from_accept_language(";;;,q=x"), None);
    }

    #[test]
    fn explicit_choice_beats_browser_preference() {
        assert_eq!(Lang::negotiate(Some("zh"), Some("en")), Lang::Zh);
        assert_eq!(Lang::negotiate(Some("en"), Some("zh-CN")), Lang::En);
        assert_eq!(Lang::negotiate(Some("klingon"), Some("zh-CN")), Lang::Zh);
        assert_eq!(Lang::negotiate(None, None), Lang::En);
    }
}

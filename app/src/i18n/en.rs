//! English texts.

use super::{
    Key::{self, *},
    Msg,
};

pub(super) fn text(key: Key) -> &'static str {
    match key {
        SkipToContent => "Skip to main content",
        ShopName => "Lumenwall",
        NavCatalog => "Catalog",
        NavAccount => "Account",
        NavCart => "Cart",
        NavMenu => "Menu",
        SearchLabel => "Search the catalog",
        SearchSuggestions => "Suggestions",
        SearchPlaceholder => "Search screens, modules, controllers…",
        SearchButton => "Search",
        LanguageLabel => "Language",
        FooterPrivacy => "Privacy policy",
        FooterTerms => "Terms of use",
        FooterContact => "Contact us",
        FooterShopHeading => "Shop",
        FooterHelpHeading => "Help and policies",
        FooterAbout => {
            "Outdoor LED walls, rental panels, perimeter boards and spare parts for integrators and end customers, with tier pricing for wholesale orders."
        }
        HomeTitle => "LED outdoor screens for every venue",
        HomeDescription => {
            "Buy outdoor LED walls, rental panels, stadium perimeter boards, transparent screens, modules and controllers, retail or wholesale."
        }
        HeroEyebrow => "Outdoor LED display specialists",
        HeroHeading => "Bright enough for noon sun. Tough enough for every season.",
        HeroText => {
            "Fixed outdoor walls, rental panels and stadium boards from 2.5 to 16 mm pixel pitch, up to 10,000 nits, IP65 front and back. Order one cabinet or a whole stadium."
        }
        HeroCtaBrowse => "Browse the catalog",
        HeroCtaConfigure => "Plan a wall",
        FeaturedHeading => "Outdoor walls with the finest pitch",
        FeaturedMore => "See every outdoor wall",
        CategoriesHeading => "Shop by category",
        CategoriesIntro => {
            "Everything an outdoor installation needs, from the cabinets to the controller."
        }
        WhyHeading => "Why buy from us",
        WhyBrightTitle => "Readable in direct sun",
        WhyBrightText => {
            "Outdoor cabinets rated 5,500 to 10,000 nits with high refresh rates for camera work."
        }
        WhyWeatherTitle => "Built for weather",
        WhyWeatherText => {
            "IP65 front and rear, wide operating temperature, front or rear service access."
        }
        WhyWholesaleTitle => "Wholesale tiers",
        WhyWholesaleText => {
            "Prices drop at 10 and 50 units, shown on every product before you order."
        }
        WhyPrivacyTitle => "Privacy kept in code",
        WhyPrivacyText => {
            "No third-party trackers. See everything we hold about you, export it or delete it yourself."
        }
        CatFixedOutdoor => "Fixed outdoor LED walls",
        CatFixedOutdoorText => "Permanent billboards and facades, high brightness, IP65.",
        CatRental => "Rental and stage panels",
        CatRentalText => "Light die-cast cabinets with quick locks for touring and events.",
        CatPerimeter => "Stadium perimeter boards",
        CatPerimeterText => "Soft-mask boards with impact protection for pitch-side advertising.",
        CatTransparent => "Transparent LED screens",
        CatTransparentText => "See-through mesh and glass screens for shop fronts and facades.",
        CatModules => "LED modules and spare parts",
        CatModulesText => "Matching modules, power supplies and receiving boards for repairs.",
        CatControllers => "Controllers and receiving cards",
        CatControllersText => "Sending boxes, video processors and receiving cards.",
        CatAccessories => "Mounting and power accessories",
        CatAccessoriesText => "Frames, hanging bars, cables and power distribution.",
        CatalogTitle => "Catalog",
        CartTitle => "Your cart",
        CurrencyUsd => "US dollars",
        CurrencyEur => "euros",
        CurrencyGbp => "pounds sterling",
        CurrencyCny => "Chinese yuan",
        CurrencyHkd => "Hong Kong dollars",
        CartEmpty => "Your cart is empty.",
        AddToCart => "Add to cart",
        AddedToCart => "Added to your cart.",
        ViewCart => "View cart",
        AddWallToCart => "Add the whole wall to the cart",
        WallAddedToCart => "The wall is in your cart: its cabinets and controller, as one group.",
        CartProduct => "Product",
        CartUnitPrice => "Unit price",
        CartLineTotal => "Total",
        CartUpdate => "Update",
        CartRemove => "Remove",
        CartRemoveWall => "Remove the wall",
        CartEmptyAction => "Empty the cart",
        CartEmptyQuestion => "Remove everything from your cart?",
        CartSubtotal => "Subtotal",
        CartSummaryHeading => "Order summary",
        CartTaxNote => "Shipping and tax are worked out at checkout, from the delivery address.",
        CartCheckoutClosed => "Checkout is not open yet: your cart is kept until it is.",
        CartContinue => "Continue shopping",
        CartFixLines => "Some lines ask for more than we have: change them before checking out.",
        CartUpdated => "Cart updated.",
        SharedPayment => "payment",
        SharedDelivery => "delivery",
        SharedCardToken => "card token (not the number)",
        SharedAmount => "amount",
        SharedCurrency => "currency",
        SharedAddress => "delivery address",
        SharedParcelWeight => "parcel weight",
        SharedParcelCount => "number of items",
        InvoiceTitle => "Invoice",
        InvoiceBilledTo => "Billed to",
        InvoicePaidBy => "Paid by",
        InvoiceSellerTaxNumber => "VAT / tax number",
        InvoiceForOrder => "For order",
        InvoicePrintHint => "Print this page or save it as PDF from your browser's print menu.",
        AccountCards => "Saved cards",
        CardsEmpty => {
            "No saved card. Save one for a faster checkout: you enter it on our payment processor's page, and we keep only its brand, last four digits and expiry."
        }
        CardsAdd => "Add a card",
        CardsRemove => "Remove",
        CardsExpires => "expires",
        CheckoutPayWithSaved => "Pay with this card",
        CheckEmailAddCard => {
            "Once you have signed in you can also save a card for a faster checkout, entered on our payment processor's page."
        }
        SignInToContinue => "Sign in to your account to continue to the page you asked for.",
        AdminOrders => "Orders",
        AdminOrdersText => "Ship paid orders, mark them delivered, cancel and refund.",
        AdminOrdersEmpty => "No orders match.",
        AdminSearchOrders => "Find an order (number, email or name)",
        AdminOrderAll => "All",
        AdminOrderStatusFilter => "Status",
        AdminMarkShipped => "Hand to the carrier and mark shipped",
        AdminMarkDelivered => "Mark delivered",
        AdminCancelRefund => "Cancel and refund",
        AdminCancelQuestion => "Cancel this order and refund the payment in full?",
        AdminOrderUpdated => "Order updated.",
        OrderCancel => "Cancel the order",
        OrderCancelQuestion => "Cancel this order? Your payment is refunded in full.",
        OrderCancelledNote => "Your order is cancelled and your payment refunded.",
        OrderBy => "by",
        RuleTooLateToCancel => "This order has shipped and can no longer be cancelled.",
        RuleParcelBeingBooked => {
            "The carrier is booking this parcel right now. Try again in a moment."
        }
        RuleOrderStateChanged => {
            "This order changed meanwhile: reload the page to see where it stands."
        }
        CartCheckout => "Check out",
        CheckoutTitle => "Checkout",
        CheckoutAddressStep => "Delivery address",
        CheckoutDeliveryStep => "Delivery",
        CheckoutPaymentStep => "Payment",
        CheckoutReviewStep => "Review and place the order",
        CheckoutEmailHint => "Your order confirmation and its link go here. No account needed.",
        CheckoutUseAddress => "Deliver to this address",
        CheckoutFromBook => "Choose from your address book",
        CheckoutDeliverHere => "Deliver here",
        CheckoutChangeAddress => "Change the address",
        CheckoutUseCarrier => "Use this delivery",
        CheckoutCardNote => {
            "You enter your card on our payment processor's page. We never see its number: we receive only its brand, last four digits and expiry."
        }
        CheckoutEnterCard => "Enter card details",
        CheckoutOtherCard => "Use another card",
        CheckoutPlaceNote => {
            "Your card is charged when you place the order. You can cancel until it ships."
        }
        CheckoutEditCart => "Change the cart",
        OrderShipping => "Delivery",
        OrderTotal => "Total",
        OrderTitle => "Your order",
        OrderItems => "Items",
        OrderDelivery => "Delivery",
        OrderTracking => "Tracking number",
        OrderPayment => "Payment",
        OrderTimeline => "Status",
        OrderSharedWith => "Shared with",
        OrderGuestAccount => {
            "Create an account with the same email address to see all your orders in one place. Your order stays yours either way."
        }
        AccountOrders => "Orders",
        OrdersEmpty => "You have not placed an order yet.",
        OrderNumber => "Order",
        OrderDate => "Date",
        OrderStatus => "Status",
        OrderStatusPending => "Awaiting payment",
        OrderStatusPaymentFailed => "Payment failed",
        OrderStatusPaid => "Paid",
        OrderStatusShipped => "Shipped",
        OrderStatusDelivered => "Delivered",
        OrderStatusCancelled => "Cancelled",
        OrderStatusRefunded => "Refunded",
        RuleSoldOut => {
            "Sorry: someone else just bought the last units of a product in your cart. Nothing was charged; check your cart."
        }
        RuleCartNotReady => "Your cart is empty or asks for more than we have: check your cart.",
        RulePartOfAWall => {
            "This line is part of a wall: remove the whole wall, or plan another in the configurator."
        }
        RuleReviewChanged => {
            "Your cart or its prices changed since you reviewed this order. Nothing was charged: please review it again."
        }
        RuleCheckoutIncomplete => {
            "A checkout step is not done yet: check the address, the delivery and the card."
        }
        DeclineDeclined => "Your card was declined. Nothing was charged: try another card.",
        DeclineInsufficientFunds => {
            "Your card has insufficient funds. Nothing was charged: try another card."
        }
        DeclineExpiredCard => "Your card has expired. Nothing was charged: try another card.",
        DeclineNotCompleted => "The payment was not completed. Nothing was charged: try again.",
        SandboxTitle => "Card payment",
        SandboxNote => {
            "Test mode: no real card can be used and no money moves. Test cards: 4242 4242 4242 4242 (succeeds), 4000 0000 0000 0002 (declined), 4000 0000 0000 9995 (insufficient funds), 4000 0000 0000 0069 (expired); any future expiry and any 3 digits."
        }
        SandboxNumber => "Card number",
        SandboxExpiry => "Expiry (MM/YY)",
        SandboxCvc => "Security code",
        SandboxSubmit => "Use this card",
        SandboxCancel => "Back to the shop",
        SandboxClosed => {
            "This card page has expired or was already used. Go back to the shop and start again."
        }
        CardNumberMissing => "Enter the card number.",
        CardNumberInvalid => "This card number is not valid: check it for a typing mistake.",
        CardNotTest => "This is test mode: use one of the test cards listed above.",
        CardExpiryInvalid => "Enter the expiry as MM/YY.",
        CardExpiryPast => "This card has expired.",
        CardCvcInvalid => "Enter the 3-digit security code (4 digits on American Express).",
        OutOfStock => "Out of stock",
        SearchTitle => "Search",
        SearchEmptyQuery => {
            "Type a product name, a model or a specification to search the catalog."
        }
        PrivacyTitle => "Privacy policy",
        PrivacyIntro => {
            "Every promise below is kept by a mechanism in the shop's code and checked by an automated test."
        }
        TermsTitle => "Terms of use",
        TermsIntro => "These terms apply to everyone who uses the shop.",
        TermsOrders => {
            "Orders are confirmed when payment succeeds. Prices include the tier that applies to the quantity ordered; shipping is charged separately."
        }
        TermsConduct => {
            "Do not misuse the shop: no fraud, no attempts to access other people's data, no automated abuse."
        }
        TermsReviews => {
            "Reviews must be about the product, honest and free of personal data, advertising and abuse. We may hide reviews that break these rules; the author is told why and can edit the review."
        }
        TermsSuspension => {
            "We may suspend an account that breaks these terms. We tell you why when you next sign in, and you can contact us about it."
        }
        ContactTitle => "Contact us",
        ContactIntro => {
            "Questions about a product, an order or your data? Write to us and a person will answer you by email."
        }
        ContactEmailLabel => "Email",
        NotFoundTitle => "Page not found",
        NotFoundText => {
            "We could not find that page. It may have moved, or the address may be mistyped."
        }
        NotFoundHome => "Go to the home page",
        ErrorGeneric => "Something went wrong on our side. Please try again in a moment.",
        ErrorNotFound => "We could not find what you asked for.",
        ErrorUnauthorized => "Please sign in to continue.",
        ErrorForbidden => "You do not have permission to do that.",
        ErrorInvalidInput => "Please check the highlighted fields.",
        ErrorBadRequest => {
            "We could not read what your browser sent. Please reload the page and try again."
        }
        ErrorTooLarge => "What you sent is too large for the shop to accept.",
        ErrorRateLimited => "Too many attempts. Please wait a moment and try again.",
        ErrorUnavailable => "The shop is briefly unavailable. Please try again in a moment.",
        ProblemTierOrder => {
            "Tiers must start at 1 unit, rise in quantity, and never cost more per unit than a smaller order."
        }
        ProblemNotAnImage => "This file is not a PNG, JPEG or WebP picture.",
        ProblemSlugShape => "Use lowercase letters, digits and hyphens only, like solara-fx-p10.",
        ReviewsHeading => "Reviews",
        ReviewWrite => "Write a review",
        ReviewsNone => "No reviews yet.",
        ReviewSortLabel => "Sort reviews",
        ReviewSortNewest => "Newest",
        ReviewSortHighest => "Highest rating",
        ReviewSortLowest => "Lowest rating",
        ReviewPages => "Pages of reviews",
        ReviewVerified => "Verified buyer",
        ReviewPros => "Pros",
        ReviewCons => "Cons",
        AccountReviews => "Reviews",
        MyReviewsEmpty => "You have not written a review yet. Write one from a product's page.",
        ReviewStatusPublished => "Published",
        ReviewStatusHeld => "Awaiting approval",
        ReviewStatusHidden => "Hidden",
        ReviewSortHelpful => "Most helpful",
        ReviewHelpful => "Helpful",
        ReviewReport => "Report this review",
        ReviewReportReason => "What is wrong with it?",
        ReviewReportSend => "Send the report",
        ReportOffTopic => "Not about the product",
        ReportPersonalData => "Contains personal data",
        ReportAdvertising => "Advertising",
        ReportAbuse => "Abusive or offensive",
        ReportOther => "Something else",
        ReviewVoted => "Thank you for your vote: each shopper counts once.",
        ReviewReported => "Thank you: our staff will look at this review.",
        AdminReviews => "Reviews",
        AdminReviewsText => {
            "Approve reviews awaiting approval, decide on reported ones, hide or restore."
        }
        AdminReviewsWaiting => "Waiting",
        AdminReviewsHidden => "Hidden",
        AdminReviewsEmpty => "No reviews here.",
        AdminReviewApprove => "Approve",
        AdminReviewHide => "Hide",
        AdminReviewRestore => "Restore",
        AdminReviewHideReason => "Why it is hidden (shown to the author and mailed)",
        AdminReviewSaved => "Decision saved.",
        AdminReviewLog => "Decisions",
        AdminReviewReports => "Open reports",
        AdminReviewAuthorInactive => {
            "The author's account is not active: this review is not shown."
        }
        AdminReviewFormerStaff => "a former staff member",
        DecisionApprove => "Approved",
        DecisionHide => "Hidden",
        DecisionRestore => "Restored",
        SortRating => "Best rated",
        FilterRating => "Rating",
        FacetRatingFourUp => "4★ and up",
        MailKindReviewHidden => "your review was hidden",
        ReviewEdit => "Edit",
        ReviewWriteTitle => "Your review",
        ReviewNoProduct => "There is no such product.",
        ReviewBackToProduct => "Back to the product",
        ReviewCurrentState => "Your review is",
        ReviewRating => "Rating",
        ReviewTitle => "Title",
        ReviewBody => "Your review",
        ReviewRules => {
            "Reviews must be about the product, honest and free of personal data, advertising and abuse. Your first name and the initial of your last name are shown with it."
        }
        ReviewPublish => "Save the review",
        ReviewSaved => "Your review is saved.",
        ReviewDelete => "Delete my review",
        ReviewDeleted => "Your review is deleted.",
        DataReviews => "Your reviews",
        DataHelpfulVotes => "Reviews you found helpful",
        DataReviewReports => "Reviews you reported",
        PurposeReviews => "to publish your reviews under your first name and initial",
        AnalyticsNothing => "Nothing recorded in these days.",
        RecommendedTitle => "Picked for you",
        RecommendedWhy => {
            "From the products you looked at and bought, because you allow analytics. You can change that in"
        }
        AdminAnalytics => "Analytics",
        AdminAnalyticsText => {
            "Visitors, page views, revenue, languages, consent choices and the way from product to payment, as charts and tables."
        }
        AnalyticsFrom => "From",
        AnalyticsTo => "To",
        AnalyticsShow => "Show",
        AnalyticsNote => {
            "Only visitors who allowed analytics are counted. Days older than the retention period are daily totals. Days are in UTC."
        }
        AnalyticsViews => "Page views per day",
        AnalyticsVisitors => "Visitors per day",
        AnalyticsRevenue => "Revenue per day (paid orders not cancelled)",
        AnalyticsFunnel => "From product to payment",
        AnalyticsTopPages => "Most viewed pages",
        AnalyticsLanguages => "Page views by language",
        AnalyticsConsent => "Choices made by accounts",
        AnalyticsDay => "Day",
        AnalyticsCount => "Count",
        AnalyticsStep => "Step",
        AnalyticsPage => "Page",
        AnalyticsLanguage => "Language",
        AnalyticsChoice => "Choice",
        AnalyticsGranted => "allowed",
        AnalyticsRefused => "refused or withdrawn",
        AnalyticsFunnelProduct => "Product page views",
        AnalyticsFunnelCart => "Cart views",
        AnalyticsFunnelCheckout => "Checkout views",
        AnalyticsFunnelPaid => "Paid orders",
        AnalyticsMarketingMail => "Marketing mail",
        OrderStatusHeld => "Held for review",
        OrderHeldNote => {
            "We are checking this order before your card is charged, because several payments failed recently. Nothing has been charged yet; we will write when it is confirmed or cancelled."
        }
        OrderHeldCancelledNote => {
            "This order was cancelled after review. Nothing was charged to your card."
        }
        HoldBecause => "Failed payments today with",
        HoldReasonCard => "this card",
        HoldReasonAccount => "this account",
        HoldReasonClient => "this client address",
        HoldReleased => "released for payment",
        AdminReleaseHeld => "Release and charge the card",
        AdminCancelHeld => "Cancel, charge nothing",
        AdminCancelHeldQuestion => {
            "Cancel this held order? Its stock goes back and nothing is charged."
        }
        MailKindOrderHeld => "review notice",
        AdminDisclosures => "Requests from authorities",
        AdminDisclosuresText => {
            "We hand personal data to authorities only when the law requires it. Record every request here: entries can never be changed or deleted. Unless the law forbids telling the shopper, the request also appears in their ledger, “Who received your data”. When an account is erased, its entries stay, without the account."
        }
        DisclosureNew => "Record a request",
        DisclosureEmail => "The shopper’s email address",
        DisclosureRequester => "Who asked (the authority)",
        DisclosureLegalBasis => "Legal basis",
        DisclosureReference => "Their reference",
        DisclosureFields => "What was given",
        DisclosureTell => "The shopper may be told (the request then appears in their ledger)",
        DisclosureSave => "Record the request",
        DisclosureSaved => "Recorded. The entry can no longer be changed.",
        DisclosureRegister => "The register",
        DisclosureNone => "No request has been recorded.",
        DisclosureTold => "The shopper sees it in their ledger",
        DisclosureNotTold => "Not shown to the shopper: telling is prohibited",
        DisclosureErased => "An erased account",
        SharedAddresses => "addresses",
        SharedOrders => "orders",
        SharedPayments => "payments",
        SharedLegalObligation => "required by law",
        UnsubscribeInvalid => {
            "This unsubscribe link is not valid. You can change your marketing choice in your account."
        }
        MailKindNewsletter => "newsletter",
        MailKindContactReply => "answer to your message",
        DataQuestions => "Your questions to the shop",
        DataMessages => "Messages to and from the shop",
        PurposeQuestions => "to answer your questions",
        ContactFormTitle => "Write to us",
        ContactFormLead => "A person answers by email, to the address you give.",
        ContactOrderField => "Order number",
        ContactMessageField => "Your message",
        ContactRobotField => "Leave this field empty",
        ContactSend => "Send",
        ContactSent => "Thank you: your message has reached us. We answer by email.",
        ContactPrivacyNote => {
            "We keep your message to answer it. It is deleted a year after the conversation is closed, or when you erase your account; if you have an account with this address, you find it under My data."
        }
        AdminInbox => "Inbox",
        AdminInboxText => {
            "Questions sent through the contact form. Answer from a conversation: the reply goes by email and the conversation then waits for the shopper. Closed conversations are deleted after a year."
        }
        AdminInboxAll => "All",
        AdminInboxEmpty => "No conversations here.",
        ThreadOpen => "Open",
        ThreadWaiting => "Waiting for the shopper",
        ThreadClosed => "Closed",
        AdminThreadReply => "Reply by email",
        AdminThreadReplySend => "Send the reply",
        AdminThreadReplied => "The reply is on its way by email.",
        AdminThreadSetStatus => "Set the status",
        AdminThreadStatusSaved => "Status saved.",
        AdminThreadFromShop => "From the shop",
        AdminThreadAccount => "Customer account",
        AdminThreadOrder => "Order number given",
        UnsubscribeTitle => "Stop marketing mail",
        UnsubscribeLead => {
            "Press the button to stop our news and offers by email. Mail about your orders and your account still comes. No sign-in is needed."
        }
        UnsubscribeButton => "Unsubscribe",
        UnsubscribeDone => "You are unsubscribed: no more marketing mail goes to this address.",
        UnsubscribeProfile => "Change your marketing choice in your account",
        AdminNewsletters => "Newsletters",
        AdminNewslettersText => {
            "A newsletter goes only to shoppers who opted in to marketing mail, in their language, with a one-click unsubscribe link in its text and headers."
        }
        AdminNewsletterNew => "Write a newsletter",
        AdminNewsletterSent => "The newsletter is on its way; it is sent in batches.",
        AdminNewsletterSubjectEn => "Subject (English)",
        AdminNewsletterBodyEn => "Text (English)",
        AdminNewsletterSubjectZh => "Subject (Chinese)",
        AdminNewsletterBodyZh => "Text (Chinese, optional)",
        AdminNewsletterHint => {
            "Without a Chinese text, shoppers who read Chinese get the English one. The greeting, the shop's name and the unsubscribe link are added to every mail."
        }
        AdminNewsletterSend => "Send to opted-in shoppers",
        AdminNewslettersSent => "Sent newsletters",
        AdminNewslettersNone => "No newsletter has been sent yet.",
        AdminNewsletterSending => "sending",
        DataWhy => "Why we hold it",
        DataKept => "How long",
        PurposeAccount => "to run your account and answer you",
        PurposeDelivery => "to deliver to the addresses you saved",
        PurposeOrders => "to deliver and invoice your orders, and for accounting",
        PurposePayment => "to pay with a card you saved, when you ask",
        PurposeCart => "to keep what you put in your cart",
        PurposeChoices => "to keep a record of your choices",
        PurposeMail => "to send you the mail your orders and account need",
        PurposeSecurity => "to keep your account secure",
        PurposeLedger => "to show you who received your data",
        PurposeAnalytics => "with your consent, to improve the shop",
        RetentionUntilErased => "until you delete your account",
        RetentionAccounting => {
            "until you delete your account; then without your name, for accounting"
        }
        RetentionUntilOrdered => "until you order or remove it",
        RetentionUntilUsed => "until used; deleted a day after it expires",
        RetentionSession => "until you sign out, at most 30 days",
        SharedMailRelay => "Mail relay (the service that carries our email)",
        SharedName => "name",
        SharedMessage => "the message",
        MailKindVerify => "email to confirm your address",
        MailKindChangeEmail => "email to confirm a new address",
        MailKindReset => "password reset email",
        MailKindAddressTaken => "email about a registration with your address",
        MailKindEmailChanged => "email about your changed address",
        MailKindOrderShipped => "shipping notice",
        MailKindOrderCancelled => "cancellation notice",
        MailKindOrderPlaced => "order confirmation",
        MailKindPolicyChanged => "privacy policy notice",
        LedgerHeading => "Who received your data",
        LedgerIntro => {
            "Every time your personal data left the shop: to the card processor, the express company and the mail relay; to authorities only when the law requires it. Newest first; the entries are never changed."
        }
        LedgerEmpty => "Nothing yet: no one outside the shop has received your data.",
        DataVisits => "Your visits (analytics, with your consent)",
        DataPageViews => "Pages you opened (analytics)",
        DataClicks => "What you clicked (analytics)",
        ConsentForget => "Delete this browser's analytics records",
        ConsentForgotten => "This browser's analytics records are deleted.",
        ConsentTitle => "Your privacy choices",
        ConsentText => {
            "The shop uses only the cookies it needs to work unless you allow more. With your consent we count visits, pages and clicks to improve the shop (your IP address shortened as it arrives, the records deleted after 90 days), and may choose the offers we show you from what you looked at. Nothing goes to anyone else."
        }
        ConsentAcceptAll => "Accept all",
        ConsentRejectAll => "Reject all",
        ConsentChoose => "Choose",
        ConsentNoticeOk => "OK",
        ConsentNecessary => "Necessary (always on)",
        ConsentNecessaryText => {
            "Your session (sign-in, cart, checkout), your language and your comparison list. The shop cannot work without them."
        }
        ConsentAnalytics => "Analytics",
        ConsentAnalyticsText => {
            "Which pages you open and what you click, with your language, a random visitor number and your IP address shortened as it arrives (the last part removed). Kept 90 days, then only daily totals remain."
        }
        ConsentMarketing => "Marketing offers",
        ConsentMarketingText => {
            "We may choose the offers we show you from the products you looked at. Marketing email is a separate choice in your account."
        }
        ConsentSave => "Save my choices",
        ConsentSaved => "Your choices are saved.",
        ConsentBrowserRefuses => {
            "Your browser asks sites not to track you (Global Privacy Control or Do Not Track), so analytics and marketing offers stay off whatever is chosen here."
        }
        ConsentChoicesLink => "Privacy choices",
        ConsentNoChoiceYet => "You have not chosen yet: only the necessary cookies are used.",
        ProblemDateInPast => "Choose today or a later day.",
        PolicyVersionsHeading => "All versions",
        PolicyWhatChanged => "What changed in this version",
        PolicyCompareHeading => "Compare two versions",
        PolicyCompareFrom => "Older version",
        PolicyCompareTo => "Newer version",
        PolicyCompareButton => "Show the differences",
        PolicyChangesTitle => "What changed in the privacy policy",
        PolicyAdded => "Added",
        PolicyRemoved => "Removed",
        PolicyNoChanges => "The two versions have the same text in this language.",
        PolicyAcknowledge => "I have read the new version",
        PolicyAcknowledged => "Thank you. Your account records that you read this version.",
        PolicyBannerLink => "Read what changed",
        PolicyInEffect => "in effect",
        PolicyReadFull => "Read the whole version",
        AdminPrivacy => "Privacy policy",
        AdminPrivacyText => {
            "Write a new version as a draft, check the preview, then publish it with the day it takes effect. From that day signed-in shoppers see a notice until they have read it; every account with a confirmed address is emailed when you publish."
        }
        AdminPolicyNewDraft => "New draft",
        AdminPolicyDraft => "Draft",
        AdminPolicySummaryEn => "What changed (English)",
        AdminPolicySummaryZh => "What changed (Chinese)",
        AdminPolicyTextEn => "Policy text (English)",
        AdminPolicyTextZh => "Policy text (Chinese)",
        AdminPolicyTextHint => {
            "Separate blocks with a blank line. A line starting with “## ” is a heading; lines starting with “- ” make a list."
        }
        AdminPolicySave => "Save the draft",
        AdminPolicySaved => "Draft saved.",
        AdminPolicyDelete => "Delete the draft",
        AdminPolicyPreview => "Preview: changes from the version in effect",
        AdminPolicyChangesFromPrevious => "Changes from the version before",
        AdminPolicyEffectiveOn => "Takes effect on (UTC)",
        AdminPolicyPublish => "Publish",
        AdminPolicyPublishedNote => "Published. The notice mail is being sent.",
        AdminPolicyNoticesPending => "notice mail being sent",
        AdminPolicyOpen => "Open",
        ProblemWholeNumber => "Enter a whole number, like 12.",
        ProblemDecimalNumber => "Enter a number with a dot for decimals, like 4.8.",
        ProblemAmount => "Enter an amount above zero, like 1250 or 1250.50.",
        ProblemNotZero => "Enter a change other than 0, like +20 or -5.",
        ProblemNotInList => "Choose one of the values in the list.",
        ProblemStockBelowZero => "Stock cannot go below zero.",
        AdminProducts => "Products",
        AdminProductsText => {
            "Create and edit products, prices, stock and pictures; archive what you no longer sell."
        }
        AdminProductNew => "New product",
        AdminProductEdit => "Edit product",
        AdminProductName => "Name",
        AdminBackToProducts => "← All products",
        AdminStock => "Stock",
        AdminArchived => "Archived",
        AdminArchive => "Archive",
        AdminRestore => "Put back on sale",
        AdminViewInShop => "View in the shop",
        AdminStockSaved => "Stock updated.",
        AdminStockDelta => "Change",
        AdminStockDeltaHint => "A whole number: +20 for a delivery, -3 for damaged units.",
        AdminStockReason => "Reason",
        AdminStockSubmit => "Change stock",
        AdminStockLog => "Stock changes",
        AdminImage => "Picture",
        AdminImageSaved => "Picture saved.",
        AdminImageChoose => "Choose a picture",
        AdminImageUpload => "Upload",
        AdminImageHint => "PNG, JPEG or WebP, at most 1024 KiB.",
        AdminProductIdentity => "Product",
        AdminProductSlug => "Web address (slug)",
        AdminProductBrand => "Brand",
        AdminProductModel => "Model",
        AdminSummaryEn => "Summary (English)",
        AdminSummaryZh => "Summary (Chinese)",
        AdminDescriptionEn => "Description (English)",
        AdminDescriptionZh => "Description (Chinese)",
        AdminPrices => "Prices",
        AdminPrice1 => "Unit price (USD)",
        AdminOpeningStock => "Opening stock",
        AdminTier2Qty => "Second tier from (units)",
        AdminTier2Price => "Second tier unit price",
        AdminTier3Qty => "Third tier from (units)",
        AdminTier3Price => "Third tier unit price",
        AdminPitchMm => "Pixel pitch (mm)",
        AdminIpFront => "IP rating, front",
        AdminIpBack => "IP rating, back",
        AdminCabinetWidth => "Cabinet width (mm)",
        AdminCabinetHeight => "Cabinet height (mm)",
        AdminCabinetDepth => "Cabinet depth (mm)",
        AdminCabinetWeight => "Cabinet weight (kg)",
        AdminPxW => "Cabinet pixels across",
        AdminPxH => "Cabinet pixels down",
        AdminPowerMax => "Max power (W per cabinet)",
        AdminPowerTypical => "Typical power (W per cabinet)",
        AdminAngleH => "Viewing angle, horizontal (°)",
        AdminAngleV => "Viewing angle, vertical (°)",
        AdminTempMin => "Lowest operating temperature (°C)",
        AdminTempMax => "Highest operating temperature (°C)",
        AdminDelivery => "Warranty and shipping",
        AdminWarrantyMonths => "Warranty (months)",
        AdminLeadDays => "Lead time (days)",
        AdminShipWeight => "Shipping weight (kg)",
        AdminShipLength => "Package length (mm)",
        AdminShipWidth => "Package width (mm)",
        AdminShipHeight => "Package height (mm)",
        RuleNotYourOwnAccount => "You cannot suspend your own account.",
        RuleKeepYourAdminRole => {
            "You cannot take away your own admin role: another admin can change it."
        }
        RuleStaffAccountsNeedAnAdmin => {
            "Only an admin can suspend or reinstate a staff or admin account."
        }
        RuleNotSuspended => "This account is not suspended.",
        Cancel => "Cancel",
        AddressDeleteQuestion => "Delete this address? This cannot be undone.",
        ArchiveQuestion => {
            "Archive this product? It leaves the shop at once (its page answers “not found”); you can restore it later."
        }
        ErrorConflict => {
            "That could not be done because something changed in the meantime. Please reload and try again."
        }
        ErrorSignInFailed => "The email address or password is not right.",
        ErrorSuspended => "This account is suspended. Please contact us.",
        ErrorLinkInvalid => {
            "This link is no longer valid: it was already used or has expired. Ask for a new one."
        }
        ProblemRequired => "Please fill this in.",
        ProblemInvalid => "This value is not valid.",
        ProblemInvalidEmail => "Enter an email address such as name@example.com.",
        ProblemInvalidPhone => {
            "Enter a telephone number with 6 to 20 digits, for example +86 138 0013 8000."
        }
        ProblemPasswordTooCommon => {
            "This password is too common. Choose one that is harder to guess."
        }
        ProblemPasswordsDiffer => "The two passwords are not the same.",
        ProblemMustAccept => "Please confirm that you have read the privacy policy.",
        ProblemUnknownCountry => "Choose a country from the list.",
        ProblemWrongPassword => "This is not your current password.",
        ProblemEmailTaken => "This email address already has an account.",
        ProblemTaken => "This is already used by another product.",
        FieldOptional => " (optional)",
        FieldFullName => "Full name",
        FieldEmail => "Email address",
        FieldNewEmail => "New email address",
        FieldPhone => "Telephone",
        FieldPhoneHint => "Shared with the express company only, so your goods arrive.",
        FieldRecipientName => "Recipient’s name",
        FieldRecipientPhone => "Recipient’s telephone",
        FieldRecipientPhoneHint => "The express company calls this number if it cannot deliver.",
        FieldCompany => "Company",
        FieldTaxId => "VAT or tax id",
        FieldLine1 => "Address",
        FieldLine2 => "Address line 2",
        FieldCity => "City",
        FieldRegion => "State, province or region",
        FieldPostalCode => "Postal code",
        FieldCountry => "Country or region",
        FieldCountryChoose => "Choose…",
        FieldPassword => "Password",
        FieldNewPassword => "New password",
        FieldCurrentPassword => "Current password",
        FieldPasswordConfirm => "Type the password again",
        FieldPasswordHint => {
            "At least 10 characters. A few unrelated words make a strong password."
        }
        FieldMarketing => "Send me news and offers by email (you can stop them at any time)",
        FieldAcceptPolicy => "I have read the privacy policy and the terms of use",
        FieldRemember => "Keep me signed in on this device for 30 days",
        RegisterTitle => "Create an account",
        RegisterIntro => {
            "With an account you can order, track your orders, write reviews and manage your data."
        }
        RegisterHaveAccount => "Already have an account? Sign in.",
        RegisterAboutYou => "About you",
        RegisterAddress => "Delivery address",
        RegisterPassword => "Password",
        RegisterChoices => "Your choices",
        RegisterSubmit => "Create account",
        CheckEmailTitle => "Check your email",
        CheckEmailText => {
            "We have sent a message to the address you gave. Follow the link in it to confirm your address. You can sign in now and confirm later."
        }
        SignInTitle => "Sign in",
        SignInSubmit => "Sign in",
        SignInForgot => "Forgot your password?",
        SignInRegister => "Create an account",
        SignInAfterReset => "Your password has been changed. Sign in with the new one.",
        SignOut => "Sign out",
        ForgotTitle => "Reset your password",
        ForgotIntro => {
            "Enter the email address of your account and we will send you a link to choose a new password. The link works for one hour."
        }
        ForgotSubmit => "Send the link",
        ForgotSent => "If an account uses this address, a link is on its way. Check your inbox.",
        ResetTitle => "Choose a new password",
        ResetSubmit => "Change password",
        VerifyTitle => "Confirm your email address",
        VerifyIntro => "Press the button to confirm that this email address is yours.",
        VerifySubmit => "Confirm my address",
        VerifyDone => "Thank you: your email address is confirmed.",
        VerifyResend => "Send a new link",
        VerifyResent => "A new link is on its way.",
        VerifyBanner => "Your email address is not confirmed yet.",
        VerifyBannerLink => "Confirm it in your account",
        AccountTitle => "Your account",
        AccountMenu => "Account sections",
        AccountOverview => "Profile",
        AccountAddresses => "Addresses",
        AccountSecurity => "Sign-in and security",
        AccountData => "Your data",
        ProfileHeading => "Profile",
        ProfileMemberSince => "Customer since",
        ProfileSaved => "Your changes are saved.",
        SaveChanges => "Save changes",
        Edit => "Edit",
        Delete => "Delete",
        Yes => "Yes",
        No => "No",
        AddressesEmpty => "You have no saved addresses yet.",
        AddressAdd => "Add an address",
        AddressSaved => "The address is saved.",
        AddressDefault => "Default address",
        AddressMakeDefault => "Make default",
        EmailChangeHeading => "Email address",
        EmailChangeIntro => {
            "We send a link to the new address; it replaces the old one once you follow the link."
        }
        EmailChangeSubmit => "Change email address",
        EmailChangeSent => "Check the new address for a confirmation link.",
        PasswordChangeHeading => "Password",
        PasswordChangedDone => "Your password is changed, and every other session is signed out.",
        PasswordChangeSubmit => "Change password",
        SessionsHeading => "Where you are signed in",
        SessionsIntro => "Sign out any browser you do not recognise, then change your password.",
        SessionsBrowser => "Browser",
        SessionsSignedIn => "Signed in",
        SessionsLastUsed => "Last used",
        SessionsThis => "this browser",
        SessionsEndOthers => "Sign out everywhere else",
        SessionsEnded => "Every other browser is signed out.",
        DataHeading => "What we hold about you",
        DataIntro => {
            "This is everything the shop stores about you, field by field. Download it as a file to keep a copy."
        }
        DataDownload => "Download my data (JSON)",
        DataNone => "Nothing stored.",
        DataProfile => "Profile",
        DataCart => "Cart",
        DataOrders => "Orders",
        DataShared => "Personal data shared with others",
        DataAddresses => "Addresses",
        DataPolicy => "Privacy policy versions you acknowledged",
        DataConsents => "Your consent choices",
        DataEmailLinks => "Links we emailed you",
        DataEmails => "Emails we sent you",
        DataSessions => "Signed-in sessions",
        CancelHeading => "Cancel your account",
        CancelText => {
            "You are signed out everywhere and staff no longer see your account. Sign in again within 30 days to restore it; after that it is deleted."
        }
        CancelSubmit => "Cancel my account",
        DeleteHeading => "Delete your account and data now",
        DeleteText => {
            "Your personal data is erased at once and cannot be recovered. Orders are kept only in anonymised form, for accounting."
        }
        DeleteSubmit => "Delete my account",
        DeactivatedTitle => "Your account is cancelled",
        DeactivatedText => {
            "You have been signed out. If you change your mind, sign in within 30 days and your account is restored as it was."
        }
        ErasedTitle => "Your account has been deleted",
        ErasedWhat => "What was erased (number of records)",
        ErasedKept => "What we keep",
        ErasedKeptText => {
            "Orders are kept for accounting without your name, address or contact details. Your reviews, your helpful votes and your reports were deleted with the rest. Nothing else about you remains."
        }
        AdminShort => "Back office",
        AdminMenu => "Back office sections",
        AdminHome => "Back office",
        AdminCustomers => "Customers",
        AdminCustomersText => "Find customers, see their accounts, suspend or reinstate them.",
        AdminCustomer => "Customer",
        AdminBackToCustomers => "Back to customers",
        AdminSearchCustomers => "Search by name or email",
        AdminNoCustomers => "No customers match.",
        AdminRole => "Role",
        AdminStatus => "Status",
        AdminRegistered => "Registered",
        AdminUnverified => "unconfirmed",
        AdminSuspend => "Suspend account",
        AdminSuspendText => {
            "For a breach of the terms of use. The reason is shown to the customer when they try to sign in."
        }
        AdminSuspendReason => "Reason shown to the customer",
        AdminSuspended => "The account is suspended and signed out.",
        AdminReinstate => "Reinstate account",
        AdminChangeRole => "Change role",
        AdminMail => "Mailbox",
        AdminMailText => {
            "Mail the shop has written, for admins. In development without an SMTP server, mail stays here instead of leaving the shop; one-time links for other staff accounts are hidden."
        }
        AdminMailTo => "To",
        AdminMailEmpty => "No mail.",
        AdminMailDelivered => "delivered",
        AdminMailQueued => "waiting",
        AdminMailSmtp => {
            "Mail leaves through the SMTP server; its text is deleted once it has been sent, so only the delivery state is shown."
        }
        AdminMailLinksHidden => {
            "The one-time links in this message are hidden: they act on another staff account."
        }
        RoleShopper => "Shopper",
        RoleStaff => "Staff",
        RoleAdmin => "Admin",
        StatusActive => "Active",
        StatusDeactivated => "Cancelled",
        StatusSuspended => "Suspended",
        Pagination => "Pages",
        PagePrevious => "Previous page",
        PageNext => "Next page",
        NavConfigurator => "Wall configurator",
        Breadcrumbs => "Breadcrumb",
        Loading => "Loading…",
        FiltersHeading => "Filters",
        FilterCategory => "Category",
        FilterAny => "Any",
        FilterPitch => "Pixel pitch (mm)",
        FilterFrom => "from",
        FilterTo => "to",
        FilterBrightness => "Minimum brightness",
        FilterIp => "Front IP rating",
        FilterPrice => "Unit price (US$)",
        FilterInStock => "In stock only",
        FilterApply => "Apply filters",
        FilterClear => "Clear filters",
        FilterNoResults => {
            "No product matches these filters. Try widening the pitch or price range."
        }
        FilterIgnored => "Some filter values were not numbers and were left out.",
        SortLabel => "Sort by",
        SortApply => "Sort",
        SortRelevance => "Best match",
        SortFeatured => "Featured",
        SortPriceLow => "Price: low to high",
        SortPriceHigh => "Price: high to low",
        SortPitchFine => "Pixel pitch: finest first",
        SortPitchCoarse => "Pixel pitch: coarsest first",
        SortNewest => "Newest",
        InStock => "In stock",
        TierHeading => "Price per unit",
        TierQuantity => "Quantity",
        TierUnitPrice => "Unit price",
        Quantity => "Quantity",
        PriceUpdate => "Show price",
        ConfigureWall => "Configure a wall",
        CompareToggle => "Add to / remove from comparison",
        CompareOpen => "Open the comparison",
        CompareIsIn => "✓ In your comparison.",
        CompareIsOut => "Taken out of your comparison.",
        CompareTitle => "Compare products",
        CompareEmpty => "Nothing to compare yet. Add products from their pages (up to four).",
        CompareRemove => "Remove",
        CompareDiffersHint => "Highlighted rows differ between the products.",
        SpecsHeading => "Specifications",
        AboutProduct => "About this product",
        RelatedHeading => "Related products",
        SpecPitch => "Pixel pitch",
        SpecBrightness => "Brightness",
        SpecIp => "Protection",
        SpecRefresh => "Refresh rate",
        SpecCabinetSize => "Cabinet size",
        SpecResolution => "Cabinet resolution",
        SpecWeight => "Cabinet weight",
        SpecPower => "Power per cabinet",
        SpecViewingAngle => "Viewing angle (H / V)",
        SpecLedType => "LED type",
        SpecMaintenance => "Service access",
        MaintenanceFront => "Front",
        MaintenanceRear => "Rear",
        MaintenanceBoth => "Front and rear",
        SpecTemperature => "Operating temperature",
        SpecControllerCapacity => "Pixels driven",
        SpecWarranty => "Warranty",
        SpecLeadTime => "Lead time",
        SpecShipping => "Shipping weight and size",
        ConfiguratorTitle => "LED wall configurator",
        ConfiguratorIntro => {
            "Choose a cabinet and a size to see the wall's resolution, power, weight, viewing distance and price."
        }
        ConfiguratorCabinet => "Cabinet",
        ConfiguratorSizeBy => "Size the wall by",
        ConfiguratorByCabinets => "Cabinets across and down",
        ConfiguratorByMetres => "Width and height in metres",
        ConfiguratorAcross => "Cabinets across",
        ConfiguratorDown => "Cabinets down",
        ConfiguratorWidth => "Target width (m)",
        ConfiguratorHeight => "Target height (m)",
        ConfiguratorSubmit => "Price this wall",
        ConfiguratorChoose => "Choose a cabinet to start.",
        ConfiguratorInvalid => {
            "Enter whole numbers of cabinets (1 to 200 per side), or a width and height in metres such as 4.5."
        }
        ConfiguratorYourWall => "Your wall",
        ConfiguratorCabinets => "Cabinets",
        ConfiguratorSize => "Size",
        ConfiguratorResolution => "Resolution",
        ConfiguratorPixels => "Pixels",
        ConfiguratorAspect => "Aspect ratio",
        ConfiguratorPower => "Power",
        ConfiguratorWeight => "Weight",
        ConfiguratorDistance => "Closest viewing distance",
        ConfiguratorCabinetPrice => "Price of the cabinets",
        ConfiguratorQuote => "Quote from the shop",
        ConfiguratorController => "Controller",
        ConfiguratorTotal => "Total, excluding shipping and tax",
        ConfiguratorQuoteHint => {
            "Checked and priced by the shop's server with today's tier prices."
        }
    }
}

/// `one` for exactly one, else `many` (English has two plural forms).
fn plural<N: TryInto<i64>>(n: N, one: &'static str, many: &'static str) -> &'static str {
    if n.try_into().ok() == Some(1) {
        one
    } else {
        many
    }
}

/// The texts with values in them (see `Msg`): each is a `format!`, so a placeholder that
/// names no value of its message does not compile.
pub fn msg(m: &Msg) -> String {
    match *m {
        Msg::SearchResultsFor { query } => format!("Results for “{query}”"),
        Msg::SearchCorrected { typed, shown } => {
            format!("Nothing matched “{typed}”: showing results for “{shown}”.")
        }
        Msg::SearchNoResults { query } => format!(
            "Nothing in the catalog matches “{query}”. Try a shorter word, a pixel pitch such as “P3.9”, or browse the categories below."
        ),
        Msg::ProblemFileTooLarge { max } => {
            format!("The file is too large; the limit is {max} KiB.")
        }
        Msg::ProblemOutOfRange { min, max } => format!("Enter a whole number from {min} to {max}."),
        Msg::DeliveryDays { min, max } => format!("{min}–{max} days"),
        Msg::CheckoutPay { total } => format!("Place the order and pay {total}"),
        Msg::OrderTax { rate } => format!("Tax ({rate})"),
        Msg::OrderHeading { number } => format!("Order {number}"),
        Msg::OrderPlacedAt { when } => format!("placed {when}"),
        Msg::OrderThanks { email } => {
            format!("Thank you: your order is paid. A confirmation is on its way to {email}.")
        }
        Msg::MailOrderPlacedSubject { shop, number } => format!("{shop}: your order {number}"),
        Msg::MailOrderPlacedBody {
            shop,
            name,
            number,
            total,
            link,
        } => format!(
            "Hello {name},\n\nThank you for your order {number}. We received your payment of {total}.\n\nSee your order and follow its delivery here:\n{link}\n\n{shop}"
        ),
        Msg::MailOrderShippedSubject { shop, number } => {
            format!("{shop}: your order {number} is on its way")
        }
        Msg::MailOrderShippedBody {
            shop,
            name,
            number,
            carrier,
            tracking,
            link,
        } => format!(
            "Hello {name},\n\nYour order {number} has left us with {carrier}. Tracking number: {tracking}.\n\nFollow it here:\n{link}\n\n{shop}"
        ),
        Msg::MailOrderCancelledSubject { shop, number } => {
            format!("{shop}: your order {number} is cancelled")
        }
        Msg::MailOrderCancelledBody {
            shop,
            name,
            number,
            total,
            link,
        } => format!(
            "Hello {name},\n\nYour order {number} is cancelled and {total} has been refunded to your card.\n\n{link}\n\n{shop}"
        ),
        Msg::MailHeldOrderCancelledBody {
            shop,
            name,
            number,
            link,
        } => format!(
            "Hello {name},\n\nAfter checking your order {number} we could not accept it, so it is cancelled. Nothing was charged to your card. If you think this is a mistake, write to us through the contact page.\n\n{link}\n\n{shop}"
        ),
        Msg::MailOrderHeldSubject { shop, number } => {
            format!("{shop}: we are checking your order {number}")
        }
        Msg::MailOrderHeldBody {
            shop,
            name,
            number,
            link,
        } => format!(
            "Hello {name},\n\nWe received your order {number}. Before your card is charged, a member of our staff checks it, because several payments failed recently. Nothing has been charged yet; we will write again when it is confirmed or cancelled.\n\n{link}\n\n{shop}"
        ),
        Msg::CabinetStock { count, days } => match count {
            0 => format!("none in stock, {days}-day lead time"),
            _ => format!(
                "{count} in stock, ships in {days} {}",
                plural(days, "day", "days")
            ),
        },
        Msg::ItemShort { name, count } => match count {
            0 => format!("{name}: none in stock just now, so this wall cannot be ordered yet."),
            _ => format!("{name}: only {count} in stock, not enough for this wall."),
        },
        Msg::OnlyInStock { count } => match count {
            0 => "None in stock just now.".to_string(),
            _ => format!("Only {count} in stock."),
        },
        Msg::CartSummary { count, total } => {
            format!("{count} {}, {total}", plural(count, "item", "items"))
        }
        Msg::CartSaving { saving } => format!("Tier price: you save {saving}"),
        Msg::CartShort { count } => match count {
            0 => "Out of stock now: remove it to check out.".to_string(),
            _ => format!("Only {count} in stock now: lower the quantity to check out."),
        },
        Msg::WallDrawingLabel {
            cols,
            rows,
            width,
            height,
            person,
        } => format!(
            "The wall drawn to scale: {cols} × {rows} cabinets, {width} wide and {height} high, beside a person {person} tall."
        ),
        Msg::FooterPrices { currency } => format!(
            "All prices in {currency}, excluding shipping and tax (worked out at checkout)."
        ),
        Msg::WallGroup { cols, rows } => format!("LED wall, {cols} × {rows} cabinets"),
        Msg::RoleChangeQuestion { name, role } => format!("Make {name} {role}?"),
        Msg::RuleCartFull { max } => {
            format!("Your cart is full ({max} lines): check out or remove a line to add another.")
        }
        Msg::RuleCardsFull { max } => {
            format!("You keep {max} saved cards already: remove one to add another.")
        }
        Msg::RuleAddressBookFull { max } => {
            format!("Your address book is full ({max} addresses): delete one to add another.")
        }
        Msg::FieldsToFix { count } => {
            format!(
                "{count} {} need your attention.",
                plural(count, "field", "fields")
            )
        }
        Msg::AdminStockNow { count } => format!("{count} in stock"),
        Msg::ErrorSuspendedWithReason { reason } => format!(
            "This account is suspended: {reason}. Please contact us if you think this is a mistake."
        ),
        Msg::ErrorRateLimitedFor { seconds } if seconds >= 120 => {
            let minutes = seconds.div_ceil(60);
            format!("Too many attempts. Please wait {minutes} minutes and try again.")
        }
        Msg::ErrorRateLimitedFor { seconds } => {
            let seconds_word = plural(seconds, "second", "seconds");
            format!("Too many attempts. Please wait {seconds} {seconds_word} and try again.")
        }
        Msg::ProblemTooShort { min } => format!("Use at least {min} characters."),
        Msg::ProblemTooLong { max } => format!("Use at most {max} characters."),
        Msg::VerifyReminder { email } => {
            format!("Please confirm your email address: we sent a link to {email}.")
        }
        Msg::ErasedWhen { when } => format!("Erased on {when}."),
        Msg::MailVerifySubject { shop } => format!("Confirm your email address for {shop}"),
        Msg::MailVerifyBody { shop, name, link } => format!(
            "Hello {name},\n\nPlease confirm your email address by opening this link:\n\n{link}\n\nThe link works for 48 hours. If you did not create an account at {shop}, ignore this message.\n\n{shop}"
        ),
        Msg::MailExistingSubject { shop } => {
            format!("Someone tried to register with your address at {shop}")
        }
        Msg::MailExistingBody {
            shop,
            name,
            signin,
            reset,
        } => format!(
            "Hello {name},\n\nSomeone tried to create an account at {shop} with this email address, which already has one. If it was you, sign in here:\n\n{signin}\n\nForgot your password? Choose a new one here:\n\n{reset}\n\nIf it was not you, you need not do anything.\n\n{shop}"
        ),
        Msg::MailResetSubject { shop } => format!("Reset your password at {shop}"),
        Msg::MailResetBody { shop, name, link } => format!(
            "Hello {name},\n\nTo choose a new password, open this link within one hour:\n\n{link}\n\nIf you did not ask for this, ignore this message: your password stays as it is.\n\n{shop}"
        ),
        Msg::MailChangeEmailSubject { shop } => {
            format!("Confirm your new email address for {shop}")
        }
        Msg::MailChangeEmailBody { shop, name, link } => format!(
            "Hello {name},\n\nTo use this address for your {shop} account, open this link:\n\n{link}\n\nUntil then your old address stays in use.\n\n{shop}"
        ),
        Msg::MailEmailChangedSubject { shop } => {
            format!("Your email address at {shop} was changed")
        }
        Msg::MailEmailChangedBody { shop, name, email } => format!(
            "Hello {name},\n\nThe email address of your {shop} account is now {email}. If you did not do this, contact us at once.\n\n{shop}"
        ),
        Msg::RetentionMailDays { days } => format!(
            "deleted {days} {} after delivery",
            plural(days, "day", "days")
        ),
        Msg::RetentionClosedDays { days } => format!(
            "until answered and closed, then {days} {}",
            plural(days, "day", "days")
        ),
        Msg::ThreadTitle { number } => format!("Conversation #{number}"),
        Msg::RetentionAnalyticsDays { days } => format!(
            "{days} {}, then only daily totals without you in them",
            plural(days, "day", "days")
        ),
        Msg::PolicyVersionLine { version, date } => {
            format!("Version {version}, in effect since {date}")
        }
        Msg::PolicyTakesEffect { version, date } => {
            format!("Version {version} takes effect on {date}")
        }
        Msg::PolicyVersionName { version } => format!("Version {version}"),
        Msg::PolicyEffective { date } => format!("effective {date}"),
        Msg::PolicyUnchanged { count } => format!(
            "{count} unchanged {}",
            plural(count, "paragraph", "paragraphs")
        ),
        Msg::PolicyEffectiveLater { date } => format!("takes effect on {date}"),
        Msg::PolicyBanner { date } => format!("Our privacy policy changed on {date}."),
        Msg::PolicyDiffHeading { from, to } => {
            format!("Changes from version {from} to version {to}")
        }
        Msg::MailPolicySubject { shop, version } => {
            format!("{shop}'s privacy policy is changing (version {version})")
        }
        Msg::MailContactReplySubject { shop, number } => {
            format!("Re: your message to {shop} ({number})")
        }
        Msg::MailContactReplyBody {
            shop,
            name,
            number,
            text,
            link,
        } => format!(
            "Hello {name},\n\n{text}\n\n{shop}\n\n--\nThis answers your message {number}. To write to us again, use the form on our contact page and mention {number}:\n{link}"
        ),
        Msg::MailNewsletterSubject { shop, subject } => format!("{shop} news: {subject}"),
        Msg::MailNewsletterBody {
            shop,
            name,
            text,
            link,
            profile,
        } => format!(
            "Hello {name},\n\n{text}\n\n{shop}\n\n--\nYou receive this because you asked for news and offers from {shop} by email. Unsubscribe with one click (no sign-in needed):\n{link}\nor change your choice in your profile:\n{profile}"
        ),
        Msg::MailPolicyBody {
            shop,
            name,
            version,
            date,
            summary,
            link,
        } => format!(
            "Hello {name},\n\nVersion {version} of our privacy policy takes effect on {date}.\n\nWhat changed: {summary}\n\nRead the changes here:\n{link}\n\nFrom that day, while you are signed in, the shop will ask you to acknowledge the new version. You are receiving this because you have an account with us.\n\n{shop}"
        ),
        Msg::NewsletterAudience { count } => format!(
            "{count} {} opted in to marketing mail and would receive it now.",
            plural(count, "shopper has", "shoppers have")
        ),
        Msg::NewsletterRecipients { count } => {
            format!("{count} {}", plural(count, "recipient", "recipients"))
        }
        Msg::ResultCount { count } => format!("{count} {}", plural(count, "product", "products")),
        Msg::PageOf { page, pages } => format!("Page {page} of {pages}"),
        Msg::ReviewCount { count } => format!("{count} {}", plural(count, "review", "reviews")),
        Msg::StarsLabel { rating } => format!("{rating} out of 5 stars"),
        Msg::RatingOutOfFive { tenths } => format!("{}.{} out of 5", tenths / 10, tenths % 10),
        Msg::ReviewHiddenBecause { reason } => format!("Hidden by the shop: {reason}"),
        Msg::ReviewHelpfulCount { count } => match count {
            1 => "1 shopper found this helpful".to_string(),
            _ => format!("{count} shoppers found this helpful"),
        },
        Msg::MailReviewHiddenSubject { shop } => format!("{shop}: your review is hidden"),
        Msg::MailReviewHiddenBody {
            shop,
            name,
            product,
            reason,
            link,
        } => format!(
            "Hello {name},\n\nWe have hidden your review of {product}, because: {reason}\n\nReviews must be about the product, honest and free of personal data, advertising and abuse. You can edit your review to keep to these rules; it is then checked again. You can also delete it.\n\n{link}\n\n{shop}"
        ),
        Msg::ReviewOf { product } => format!("Your review of {product}."),
        Msg::PriceFrom { price } => format!("from {price}"),
        Msg::StockLevel { count, days } => format!(
            "In stock: {count} {}, ships in {days} {}.",
            plural(count, "unit", "units"),
            plural(days, "day", "days")
        ),
        Msg::PriceForQuantity { qty, total } => {
            format!("{qty} {}: {total}", plural(qty, "unit", "units"))
        }
        Msg::SpecIpValue { front, back } => format!("{front} front, {back} back"),
        Msg::SpecPowerValue { max, typical } => format!("{max} W max, {typical} W typical"),
        Msg::MonthsValue { n } => format!("{n} {}", plural(n, "month", "months")),
        Msg::DaysValue { n } => format!("{n} {}", plural(n, "day", "days")),
        Msg::ConfiguratorTierValue { count, unit, total } => format!("{count} × {unit} = {total}"),
    }
}

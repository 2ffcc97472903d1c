//! English texts.

use super::Key::{self, *};

pub(super) fn text(key: Key) -> &'static str {
    match key {
        SkipToContent => "Skip to main content",
        ShopName => "Lumenwall",
        ShopTagline => "LED outdoor screens, retail and wholesale",
        NavHome => "Home",
        NavCatalog => "Catalog",
        NavAccount => "Account",
        NavCart => "Cart",
        CartCount => "{count} items in cart",
        NavMenu => "Menu",
        SearchLabel => "Search the catalog",
        SearchPlaceholder => "Search screens, modules, controllers…",
        SearchButton => "Search",
        LanguageLabel => "Language",
        LanguageApply => "Change language",
        FooterPrivacy => "Privacy policy",
        FooterTerms => "Terms of use",
        FooterContact => "Contact us",
        FooterRights => "All prices in US dollars, excluding shipping.",
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
        HeroCtaContact => "Talk to our sales team",
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
        CatalogIntro => "Choose a category to see its screens and parts.",
        CategoryEmpty => "There are no products in this category yet.",
        BackToCatalog => "Back to the catalog",
        CartTitle => "Your cart",
        CartEmpty => "Your cart is empty.",
        SearchTitle => "Search",
        SearchResultsFor => "Results for “{query}”",
        SearchNoResults => {
            "Nothing in the catalog matches “{query}”. Try a shorter word, a pixel pitch such as “P3.9”, or browse the categories below."
        }
        SearchEmptyQuery => {
            "Type a product name, a model or a specification to search the catalog."
        }
        PrivacyTitle => "Privacy policy",
        PrivacyIntro => {
            "Every promise below is kept by a mechanism in the shop's code and checked by an automated test."
        }
        PrivacyPromisesHeading => "Our promises",
        PolicyP1 => {
            "We collect your name, address, phone number and email address when you register, and your card when you pay. Your full card number and security code go to the payment processor and are never stored by us."
        }
        PolicyP2 => {
            "With your consent we may record your IP address (shortened), language preference, how often you visit and which pages you open. Raw records are deleted after 90 days."
        }
        PolicyP3 => {
            "Your name, phone number and address go to the express company so that your goods arrive, and nothing else."
        }
        PolicyP4 => {
            "We use your information to process orders, give customer service and improve the site. We send marketing email only if you ask for it, and every such email has a one-click unsubscribe link."
        }
        PolicyP5 => "Card numbers go to the payment processor over strong encryption.",
        PolicyP6 => {
            "We disclose information to law enforcement, or to prevent fraud, only when the law requires it, and we record every disclosure."
        }
        PolicyP7 => "You can write reviews with your account, and edit or delete them.",
        PolicyP8 => "You can change your personal information at any time in your account.",
        PolicyP9 => {
            "You can cancel or delete your account and your personal information yourself, and download a copy of it first."
        }
        PolicyP10 => {
            "We do not sell, trade or license your data. The shop has no third-party trackers, and you can see who received your data, when and why."
        }
        PolicyP11 => "When this policy changes, we show you what changed and ask you to read it.",
        PolicyP12 => "Questions about your data? Contact us and a person will answer.",
        TermsTitle => "Terms of use",
        TermsIntro => "These terms apply to everyone who uses the shop.",
        TermsOrders => {
            "Orders are confirmed when payment succeeds. Prices include the tier that applies to the quantity ordered; shipping is charged separately."
        }
        TermsReviews => {
            "Reviews must be about the product, honest and free of personal data, advertising and abuse. We may hide reviews that break these rules."
        }
        TermsConduct => {
            "Do not misuse the shop: no fraud, no attempts to access other people's data, no automated abuse."
        }
        TermsSuspension => {
            "We may suspend an account that breaks these terms. We tell you why when you next sign in, and you can contact us about it."
        }
        ContactTitle => "Contact us",
        ContactIntro => {
            "Questions about a product, an order or your data? Write to us and a person will answer within one working day."
        }
        ContactEmailLabel => "Email",
        NotFoundTitle => "Page not found",
        NotFoundText => {
            "We could not find that page. It may have moved, or the address may be mistyped."
        }
        NotFoundHome => "Go to the home page",
        ErrorTitle => "Something went wrong",
        ErrorGeneric => "Something went wrong on our side. Please try again in a moment.",
        ErrorNotFound => "We could not find what you asked for.",
        ErrorUnauthorized => "Please sign in to continue.",
        ErrorForbidden => "You do not have permission to do that.",
        ErrorInvalidInput => "Please check the highlighted fields.",
        ErrorRateLimited => "Too many attempts. Please wait a moment and try again.",
        ErrorUnavailable => "The shop is briefly unavailable. Please try again in a moment.",
        ErrorConflict => {
            "That could not be done because something changed in the meantime. Please reload and try again."
        }
    }
}

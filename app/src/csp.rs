//! The Content-Security-Policy of the shop, in one place: the page shell adds a per-response
//! nonce for Leptos's inline hydration script; other responses get the policy without one.

/// The policy; `'wasm-unsafe-eval'` lets the browser compile the wasm bundle.
/// `card_pages` is the payment processor's page origin when it is not this site (forms
/// that open a card entry are redirected there), else empty.
pub fn policy(nonce: Option<&str>, card_pages: &str) -> String {
    let nonce = nonce.map(|n| format!(" 'nonce-{n}'")).unwrap_or_default();
    let card_pages = match card_pages {
        "" => String::new(),
        origin => format!(" {origin}"),
    };
    format!(
        "default-src 'self'; script-src 'self'{nonce} 'wasm-unsafe-eval'; \
         style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; \
         object-src 'none'; base-uri 'none'; form-action 'self'{card_pages}; frame-ancestors 'none'"
    )
}

#[cfg(test)]
mod tests {
    use super::policy;

    #[test]
    fn policy_allows_wasm_and_the_nonce_only() {
        let p = policy(Some("abc123"), "");
        assert!(p.contains("script-src 'self' 'nonce-abc123' 'wasm-unsafe-eval'"));
        assert!(p.contains("object-src 'none'"));
        assert!(p.contains("frame-ancestors 'none'"));
        assert!(!p.contains("unsafe-inline"));
        assert!(!policy(None, "").contains("nonce"));
        assert!(p.contains("form-action 'self';"));
        let stripe = policy(None, "https://checkout.stripe.com");
        assert!(stripe.contains("form-action 'self' https://checkout.stripe.com;"));
    }
}

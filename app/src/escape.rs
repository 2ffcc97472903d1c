//! Text written where Leptos does not escape it for us. Leptos escapes what a view renders as
//! text or as an attribute value; these helpers cover the rest:
//!
//! - `<title>`: leptos_meta writes the title's text into the document head as it is
//!   ([`html_text`], applied by `components/page_meta.rs::title_text`).
//! - JSON inside a `<script>` element (JSON-LD): the HTML parser ends the element at the first
//!   `</script` and treats `<!--` specially whatever the JSON means ([`json_in_script`]).
//!
//! Mail is sent as `text/plain`, so nothing in it is read as markup; the names it carries
//! cannot hold control characters (`domain/account.rs::check_text`).

/// `text` with `&`, `<`, `>`, `"` and `'` written as character references: safe as the
/// content of an element, a raw-text element such as `<title>` included, and inside a quoted
/// attribute.
pub fn html_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// `value` as JSON that can sit inside a `<script>` element: `<`, `>` and `&` (and the line
/// separators JavaScript once rejected in strings) are written as `\uXXXX` escapes, which
/// every JSON parser reads back as the same characters. They can only occur inside JSON
/// strings, where such escapes are valid.
pub fn json_in_script(value: &serde_json::Value) -> String {
    let json = value.to_string();
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_in_text_stays_text() {
        assert_eq!(
            html_text("</title><img src=x onerror='alert(1)'>"),
            "&lt;/title&gt;&lt;img src=x onerror=&#39;alert(1)&#39;&gt;"
        );
        assert_eq!(
            html_text("Fish & \"Chips\""),
            "Fish &amp; &quot;Chips&quot;"
        );
        assert_eq!(html_text("户外屏幕 P10"), "户外屏幕 P10");
    }

    #[test]
    fn json_cannot_end_or_comment_out_its_script() {
        let name = "</script><!--<script>alert(1)</script>&amp;\u{2028}";
        let value = serde_json::json!({ "name": name });
        let out = json_in_script(&value);
        for bad in ["<", ">", "&", "\u{2028}"] {
            assert!(!out.contains(bad), "{bad:?} left in {out}");
        }
        let back: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(
            back["name"], name,
            "the data is unchanged for a JSON reader"
        );
    }
}

//! The names of the fields of "Download my data" as `/account/data` shows them: the export
//! file keeps its stable English names (`privacy/registry.rs`), the page speaks the
//! shopper's language. A test in the registry checks that every exported field has a label.

use super::Lang;

/// (field, English, Chinese).
const LABELS: &[(&str, &str, &str)] = &[
    ("account_number", "Account number", "账户编号"),
    ("account_status", "Account status", "账户状态"),
    (
        "account_status_changed_at",
        "Status changed",
        "状态变更时间",
    ),
    ("account_status_reason", "Reason for the status", "状态原因"),
    ("acknowledged_at", "Acknowledged", "确认时间"),
    ("added_at", "Added", "添加时间"),
    ("added_with_wall", "Added with a wall", "随整墙加入"),
    ("address_id", "Address number", "地址编号"),
    ("address_line_1", "Address line 1", "地址第一行"),
    ("address_line_2", "Address line 2", "地址第二行"),
    ("brand", "Brand", "卡组织"),
    ("browser", "Browser", "浏览器"),
    ("card_brand", "Card brand", "卡组织"),
    ("card_last_4_digits", "Card, last 4 digits", "卡号后四位"),
    ("carrier", "Carrier", "承运商"),
    ("cart_line_id", "Cart line", "购物车行"),
    ("chosen_at", "Chosen", "选择时间"),
    ("city", "City", "城市"),
    ("clicked", "Clicked on", "点击对象"),
    ("clicked_at", "Clicked", "点击时间"),
    ("closed_at", "Closed", "关闭时间"),
    ("company", "Company", "公司"),
    ("cons", "Cons", "缺点"),
    ("conversation_number", "Conversation number", "会话编号"),
    ("conversation_status", "Conversation status", "会话状态"),
    ("country", "Country", "国家/地区"),
    ("currency", "Currency", "货币"),
    ("decided_at", "Decided by the shop", "商店处理时间"),
    ("delivered_at", "Delivered", "送达时间"),
    (
        "delivery_minor_units",
        "Delivery (smallest currency unit)",
        "运费（最小货币单位）",
    ),
    ("email", "Email", "电子邮箱"),
    ("email_verified_at", "Email confirmed", "邮箱确认时间"),
    ("expires_at", "Expires", "过期时间"),
    ("expiry_month", "Expiry month", "有效期月份"),
    ("expiry_year", "Expiry year", "有效期年份"),
    ("fields_sent", "Data sent", "发送的数据"),
    ("first_seen_at", "First seen", "首次访问"),
    ("from_the_shop", "From the shop", "来自本店"),
    ("full_name", "Full name", "姓名"),
    ("granted", "Granted", "已同意"),
    (
        "ip_network",
        "IP network (shortened address)",
        "IP 网段（截短的地址）",
    ),
    ("is_default_address", "Default address", "默认地址"),
    ("kind_of_email", "Kind of email", "邮件类型"),
    ("language", "Language", "语言"),
    ("last_4_digits", "Last 4 digits", "卡号后四位"),
    ("last_changed_at", "Last changed", "最后更改时间"),
    ("last_seen_at", "Last seen", "最近访问"),
    ("last_used_at", "Last used", "最近使用时间"),
    (
        "marketing_email_opt_in_at",
        "Marketing email since",
        "订阅营销邮件时间",
    ),
    ("name", "Name", "姓名"),
    (
        "newest_policy_version_acknowledged",
        "Newest policy version acknowledged",
        "最近确认的政策版本",
    ),
    ("order", "Order", "订单"),
    ("order_number", "Order number", "订单编号"),
    ("page", "Page", "页面"),
    ("placed_at", "Placed", "下单时间"),
    ("policy_version", "Policy version", "政策版本"),
    ("postal_code", "Postal code", "邮政编码"),
    ("product_id", "Product number", "产品编号"),
    ("pros", "Pros", "优点"),
    ("purpose", "Purpose", "用途"),
    ("quantity", "Quantity", "数量"),
    ("rating", "Rating", "评分"),
    ("reason_hidden", "Why it is hidden", "隐藏原因"),
    ("recipient", "Recipient", "接收方"),
    ("recipient_name", "Recipient", "收件人"),
    ("recipient_telephone", "Recipient's telephone", "收件人电话"),
    ("region", "Region", "省/州"),
    ("registered_at", "Registered", "注册时间"),
    ("report_reason", "Reason for the report", "举报原因"),
    ("reported_at", "Reported", "举报时间"),
    ("review_number", "Review number", "评价编号"),
    ("role", "Role", "角色"),
    ("saved_at", "Saved", "保存时间"),
    ("saved_card_id", "Saved card number", "已存卡编号"),
    ("sent_at", "Sent", "发送时间"),
    ("sent_to", "Sent to", "发送至"),
    ("signed_in_at", "Signed in", "登录时间"),
    ("status", "Status", "状态"),
    ("subject", "Subject", "主题"),
    (
        "subtotal_minor_units",
        "Subtotal (smallest currency unit)",
        "小计（最小货币单位）",
    ),
    (
        "tax_minor_units",
        "Tax (smallest currency unit)",
        "税额（最小货币单位）",
    ),
    (
        "tax_rate_basis_points",
        "Tax rate (hundredths of a percent)",
        "税率（万分之一）",
    ),
    ("telephone", "Telephone", "电话"),
    ("text", "Text", "正文"),
    ("title", "Title", "标题"),
    ("to", "To", "收件人"),
    (
        "total_minor_units",
        "Total (smallest currency unit)",
        "总计（最小货币单位）",
    ),
    ("tracking_number", "Tracking number", "运单号"),
    ("updated_at", "Updated", "更新时间"),
    ("used_at", "Used", "使用时间"),
    ("vat_or_tax_id", "VAT or tax number", "增值税号或税号"),
    ("viewed_at", "Viewed", "浏览时间"),
    ("visitor_number", "Visitor number", "访客编号"),
    ("visits", "Visits", "访问次数"),
    ("voted_at", "Voted", "投票时间"),
    ("written_at", "Written", "写入时间"),
];

/// The label of an exported field in `lang`, if the field is known.
pub fn export_field(lang: Lang, field: &str) -> Option<&'static str> {
    LABELS
        .iter()
        .find(|(name, _, _)| *name == field)
        .map(|(_, en, zh)| match lang {
            Lang::En => *en,
            Lang::Zh => *zh,
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_are_listed_once_in_order() {
        let names: Vec<&str> = LABELS.iter().map(|(n, _, _)| *n).collect();
        let mut sorted = names.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(names, sorted, "sorted and without repeats");
        assert_eq!(export_field(Lang::Zh, "city"), Some("城市"));
        assert_eq!(export_field(Lang::En, "no_such_field"), None);
    }
}

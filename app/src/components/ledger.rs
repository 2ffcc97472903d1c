//! The ledger as shoppers read it (promise P10): who received which of their data, why and
//! when, each word in the reader's language. On an order's page (that order's entries) and
//! on `/account/data` (every entry of the account, newest first).

use crate::{
    domain::time,
    i18n::{Key, use_i18n},
    model::order::SharedWith,
};
use leptos::prelude::*;
use leptos_router::components::A;

/// A ledger word (a recipient, a purpose or a field sent) in the reader's language; an
/// unknown one as recorded.
pub fn shared_label(code: &str) -> String {
    let key = match code {
        "payment" => Key::SharedPayment,
        "delivery" => Key::SharedDelivery,
        "card_token" => Key::SharedCardToken,
        "amount" => Key::SharedAmount,
        "currency" => Key::SharedCurrency,
        "order_number" => Key::OrderNumber,
        "recipient_name" => Key::FieldRecipientName,
        "recipient_phone" => Key::FieldRecipientPhone,
        "address" => Key::SharedAddress,
        "parcel_weight" => Key::SharedParcelWeight,
        "parcel_count" => Key::SharedParcelCount,
        "mail_relay" => Key::SharedMailRelay,
        "name" => Key::SharedName,
        "email" => Key::FieldEmail,
        "message" => Key::SharedMessage,
        "verify_email" => Key::MailKindVerify,
        "change_email" => Key::MailKindChangeEmail,
        "reset_password" => Key::MailKindReset,
        "address_taken" => Key::MailKindAddressTaken,
        "email_changed" => Key::MailKindEmailChanged,
        "order_shipped" => Key::MailKindOrderShipped,
        "order_cancelled" => Key::MailKindOrderCancelled,
        "order_placed" => Key::MailKindOrderPlaced,
        "order_held" => Key::MailKindOrderHeld,
        "policy_changed" => Key::MailKindPolicyChanged,
        "newsletter" => Key::MailKindNewsletter,
        "phone" => Key::FieldPhone,
        "addresses" => Key::SharedAddresses,
        "orders" => Key::SharedOrders,
        "payments" => Key::SharedPayments,
        "legal_obligation" => Key::SharedLegalObligation,
        "contact_reply" => Key::MailKindContactReply,
        "review_hidden" => Key::MailKindReviewHidden,
        other => return other.replace('_', " "),
    };
    use_i18n().t(key).to_string()
}

/// Ledger entries as a list; with `orders` each entry links to its order.
#[component]
pub fn LedgerList(entries: Vec<SharedWith>, #[prop(optional)] orders: bool) -> impl IntoView {
    view! {
        <ul class="shared-with" data-testid="shared-with">
            {entries.into_iter().map(|s| {
                let order = s.order_id.filter(|_| orders);
                view! {
                    <li>
                        <strong>{shared_label(&s.recipient)}</strong>
                        " (" {shared_label(&s.purpose)} "): "
                        {s.fields.iter().map(|f| shared_label(f)).collect::<Vec<_>>().join(", ")}
                        " · " {time::date_time(s.at)}
                        {order.map(|id| view! {
                            " · " <A href=format!("/orders/{id}")>{crate::domain::order::order_number(id.get())}</A>
                        })}
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}

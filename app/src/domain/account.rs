//! Rules for account data, shared by the browser (live field checks) and the server (which
//! enforces them). Each `check_*` returns the problem with one field; `validate_*` collects
//! the problems of a whole form, keyed by the form's field names.

use super::{common_passwords::is_common, country::Country, limits};
use crate::error::{FieldError, Problem};
use serde::{Deserialize, Serialize};

pub const PASSWORD_MIN: usize = 10;

super::stored::stored_enum! {
    /// The roles of the shop, least to most powerful.
    #[derive(PartialOrd, Ord, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum Role: as_str, parse {
        Shopper = "shopper",
        Staff = "staff",
        Admin = "admin",
    }
}

impl Role {
    /// Staff and admins may use the back office.
    pub fn is_staff(self) -> bool {
        self >= Role::Staff
    }

    /// Whether someone with this role may suspend or reinstate an account with `target`'s
    /// role: staff look after shoppers; staff accounts are an admin's to manage. No role can
    /// act as a higher one.
    pub fn may_manage(self, target: Role) -> bool {
        match self {
            Role::Admin => true,
            Role::Staff => target == Role::Shopper,
            Role::Shopper => false,
        }
    }
}

super::stored::stored_enum! {
    #[derive(Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum AccountStatus: as_str, parse {
        Active = "active",
        /// Cancelled by the shopper: hidden and signed out; signing in within
        /// [`DEACTIVATION_GRACE_DAYS`] restores it, after that it is erased.
        Deactivated = "deactivated",
        /// Suspended by staff for breaking the terms of use.
        Suspended = "suspended",
    }
}

pub const DEACTIVATION_GRACE_DAYS: i64 = 30;

super::stored::stored_enum! {
    /// What a one-time link mailed to an address does.
    pub enum LinkPurpose: as_str {
        /// Confirms an address: a new account's, or the new address of an email change.
        VerifyEmail = "verify_email",
        ResetPassword = "reset_password",
    }
}

impl LinkPurpose {
    /// The page the link opens; the token follows it.
    pub fn path(self) -> &'static str {
        match self {
            LinkPurpose::VerifyEmail => "/account/verify/",
            LinkPurpose::ResetPassword => "/account/reset/",
        }
    }

    /// How long the link works.
    pub fn valid_hours(self) -> i64 {
        match self {
            LinkPurpose::VerifyEmail => 48,
            LinkPurpose::ResetPassword => 1,
        }
    }
}

impl AccountStatus {}

/// Trims and lower-cases an email address (one address, one account).
pub fn normalize_email(email: &str) -> String {
    email.trim().to_lowercase()
}

pub fn check_email(email: &str) -> Option<Problem> {
    let email = email.trim();
    if email.is_empty() {
        return Some(Problem::Required);
    }
    if email.chars().count() > limits::EMAIL {
        return Some(Problem::TooLong { max: limits::EMAIL });
    }
    let Some((local, domain)) = email.rsplit_once('@') else {
        return Some(Problem::InvalidEmail);
    };
    let domain_ok = domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains("..")
        && domain
            .chars()
            .all(|c| c.is_alphanumeric() || c == '.' || c == '-');
    let local_ok = !local.is_empty()
        && local.len() <= 64
        && !local.contains('@')
        && !local.chars().any(|c| c.is_whitespace() || c.is_control());
    if domain_ok && local_ok {
        None
    } else {
        Some(Problem::InvalidEmail)
    }
}

/// Password rules: long enough, not absurdly long, not a well-known password. Never trimmed
/// or truncated.
pub fn check_password(password: &str) -> Option<Problem> {
    let len = password.chars().count();
    if len == 0 {
        Some(Problem::Required)
    } else if len < PASSWORD_MIN {
        Some(Problem::TooShort { min: PASSWORD_MIN })
    } else if len > limits::PASSWORD {
        Some(Problem::TooLong {
            max: limits::PASSWORD,
        })
    } else if is_common(password) {
        Some(Problem::PasswordTooCommon)
    } else {
        None
    }
}

pub fn check_password_confirmation(password: &str, confirmation: &str) -> Option<Problem> {
    (password != confirmation).then_some(Problem::PasswordsDiffer)
}

/// A required free-text field of at most `max` characters.
pub fn check_text(value: &str, max: usize) -> Option<Problem> {
    let value = value.trim();
    if value.is_empty() {
        Some(Problem::Required)
    } else if value.chars().count() > max {
        Some(Problem::TooLong { max })
    } else if value.chars().any(|c| c.is_control()) {
        Some(Problem::Invalid)
    } else {
        None
    }
}

/// An optional free-text field.
pub fn check_optional_text(value: &str, max: usize) -> Option<Problem> {
    if value.trim().is_empty() {
        None
    } else {
        check_text(value, max)
    }
}

/// Telephone numbers: digits with the usual separators, 6 to 20 digits, optional leading +.
pub fn check_phone(phone: &str) -> Option<Problem> {
    let phone = phone.trim();
    if phone.is_empty() {
        return Some(Problem::Required);
    }
    if phone.chars().count() > limits::PHONE {
        return Some(Problem::TooLong { max: limits::PHONE });
    }
    let allowed = phone
        .chars()
        .enumerate()
        .all(|(i, c)| c.is_ascii_digit() || " -().".contains(c) || (c == '+' && i == 0));
    let digits = phone.chars().filter(|c| c.is_ascii_digit()).count();
    if allowed && (6..=20).contains(&digits) {
        None
    } else {
        Some(Problem::InvalidPhone)
    }
}

pub fn check_country(code: &str) -> Option<Problem> {
    if code.trim().is_empty() {
        Some(Problem::Required)
    } else if Country::from_code(code.trim()).is_none() {
        Some(Problem::UnknownCountry)
    } else {
        None
    }
}

pub fn check_postal_code(code: &str) -> Option<Problem> {
    let code = code.trim();
    if code.is_empty() {
        return Some(Problem::Required);
    }
    if code.chars().count() > limits::POSTAL_CODE {
        return Some(Problem::TooLong {
            max: limits::POSTAL_CODE,
        });
    }
    let ok = code
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == ' ' || c == '-');
    (!ok).then_some(Problem::Invalid)
}

fn push(errors: &mut Vec<FieldError>, field: &str, problem: Option<Problem>) {
    if let Some(problem) = problem {
        errors.push(FieldError {
            field: field.to_string(),
            problem,
        });
    }
}

/// A postal address: where a parcel goes and who receives it (the express company needs the
/// recipient's name and telephone), with a company and its VAT or tax id for wholesale
/// buyers. The one address type: typed into forms, kept in the address book and on orders
/// (the same column names in both tables), shown back.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct PostalAddress {
    #[serde(default)]
    pub recipient_name: String,
    #[serde(default)]
    pub recipient_phone: String,
    #[serde(default)]
    pub company: String,
    #[serde(default)]
    pub tax_id: String,
    pub line1: String,
    #[serde(default)]
    pub line2: String,
    pub city: String,
    #[serde(default)]
    pub region: String,
    pub postal_code: String,
    pub country: String,
}

impl PostalAddress {
    /// Where the parcel goes on one line, without the recipient: company, street lines,
    /// postal code, city, region and country, the empty ones left out.
    pub fn one_line(&self) -> String {
        [
            &self.company,
            &self.line1,
            &self.line2,
            &self.postal_code,
            &self.city,
            &self.region,
            &self.country,
        ]
        .into_iter()
        .filter(|part| !part.is_empty())
        .map(String::as_str)
        .collect::<Vec<_>>()
        .join(", ")
    }
}

impl PostalAddress {
    /// The address with surrounding white space removed and the country code upper-cased.
    pub fn trimmed(&self) -> PostalAddress {
        PostalAddress {
            recipient_name: self.recipient_name.trim().to_string(),
            recipient_phone: self.recipient_phone.trim().to_string(),
            company: self.company.trim().to_string(),
            tax_id: self.tax_id.trim().to_uppercase(),
            line1: self.line1.trim().to_string(),
            line2: self.line2.trim().to_string(),
            city: self.city.trim().to_string(),
            region: self.region.trim().to_string(),
            postal_code: self.postal_code.trim().to_string(),
            country: self.country.trim().to_ascii_uppercase(),
        }
    }
}

/// A VAT or tax id: letters, digits and the separators people type (`DE 123456789`,
/// `91310000-MA1FL8`).
pub fn check_tax_id(id: &str) -> Option<Problem> {
    let id = id.trim();
    if id.is_empty() {
        return None;
    }
    if id.chars().count() > limits::TAX_ID {
        return Some(Problem::TooLong {
            max: limits::TAX_ID,
        });
    }
    let ok = id
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || " -./".contains(c))
        && id.chars().any(|c| c.is_ascii_alphanumeric());
    (!ok).then_some(Problem::Invalid)
}

pub fn validate_address(a: &PostalAddress) -> Vec<FieldError> {
    let mut errors = Vec::new();
    push(
        &mut errors,
        "recipient_name",
        check_text(&a.recipient_name, limits::NAME),
    );
    push(
        &mut errors,
        "recipient_phone",
        check_phone(&a.recipient_phone),
    );
    push(
        &mut errors,
        "company",
        check_optional_text(&a.company, limits::COMPANY),
    );
    push(&mut errors, "tax_id", check_tax_id(&a.tax_id));
    push(
        &mut errors,
        "line1",
        check_text(&a.line1, limits::ADDRESS_LINE),
    );
    push(
        &mut errors,
        "line2",
        check_optional_text(&a.line2, limits::ADDRESS_LINE),
    );
    push(&mut errors, "city", check_text(&a.city, limits::NAME));
    push(
        &mut errors,
        "region",
        check_optional_text(&a.region, limits::NAME),
    );
    push(
        &mut errors,
        "postal_code",
        check_postal_code(&a.postal_code),
    );
    push(&mut errors, "country", check_country(&a.country));
    errors
}

/// The registration form.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegistrationInput {
    pub full_name: String,
    pub email: String,
    pub phone: String,
    #[serde(flatten)]
    pub address: PostalAddress,
    pub password: String,
    pub password_confirm: String,
    /// Ticked checkbox ("on"); absent when unticked. Unticked by default.
    #[serde(default)]
    pub marketing: Option<String>,
    #[serde(default)]
    pub accept_policy: Option<String>,
}

pub fn validate_registration(r: &RegistrationInput) -> Vec<FieldError> {
    let mut errors = Vec::new();
    push(
        &mut errors,
        "full_name",
        check_text(&r.full_name, limits::NAME),
    );
    push(&mut errors, "email", check_email(&r.email));
    push(&mut errors, "phone", check_phone(&r.phone));
    // The address's recipient is the person registering (their name and telephone are
    // checked above, under their own fields).
    errors.extend(
        validate_address(&r.shipping_address())
            .into_iter()
            .filter(|e| !e.field.starts_with("recipient_")),
    );
    push(&mut errors, "password", check_password(&r.password));
    if check_password(&r.password).is_none() {
        push(
            &mut errors,
            "password_confirm",
            check_password_confirmation(&r.password, &r.password_confirm),
        );
    }
    if r.accept_policy.is_none() {
        push(&mut errors, "accept_policy", Some(Problem::MustAccept));
    }
    errors
}

impl RegistrationInput {
    /// The address typed at registration, addressed to the person registering.
    pub fn shipping_address(&self) -> PostalAddress {
        PostalAddress {
            recipient_name: self.full_name.clone(),
            recipient_phone: self.phone.clone(),
            ..self.address.clone()
        }
        .trimmed()
    }
}

/// The profile form (name, phone, language, marketing choice).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProfileInput {
    pub full_name: String,
    pub phone: String,
    pub language: String,
    #[serde(default)]
    pub marketing: Option<String>,
}

pub fn validate_profile(p: &ProfileInput) -> Vec<FieldError> {
    let mut errors = Vec::new();
    push(
        &mut errors,
        "full_name",
        check_text(&p.full_name, limits::NAME),
    );
    push(&mut errors, "phone", check_phone(&p.phone));
    if crate::i18n::Lang::from_code(&p.language).is_none() {
        push(&mut errors, "language", Some(Problem::Invalid));
    }
    errors
}

/// A new password typed twice.
pub fn validate_new_password(password: &str, confirmation: &str) -> Vec<FieldError> {
    let mut errors = Vec::new();
    push(&mut errors, "password", check_password(password));
    if check_password(password).is_none() {
        push(
            &mut errors,
            "password_confirm",
            check_password_confirmation(password, confirmation),
        );
    }
    errors
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_address_on_one_line_leaves_out_empty_parts_and_the_recipient() {
        let address = PostalAddress {
            recipient_name: "Mei Lin".into(),
            recipient_phone: "+852 5555 0101".into(),
            line1: "1 Harbour Road".into(),
            city: "Hong Kong".into(),
            postal_code: "999077".into(),
            country: "HK".into(),
            ..PostalAddress::default()
        };
        assert_eq!(address.one_line(), "1 Harbour Road, 999077, Hong Kong, HK");
    }

    #[test]
    fn a_registration_address_goes_to_the_person_registering() {
        let address = registration().shipping_address();
        assert_eq!(address.recipient_name, "Mei Lin");
        assert_eq!(address.recipient_phone, "+86 138 0013 8000");
        assert!(validate_registration(&registration()).is_empty());
        assert!(
            !validate_address(&registration().address).is_empty(),
            "alone it lacks one"
        );
    }

    #[test]
    fn tax_ids_are_letters_digits_and_separators() {
        assert_eq!(check_tax_id(""), None);
        assert_eq!(check_tax_id("DE 123456789"), None);
        assert_eq!(check_tax_id("91310000-MA1FL8"), None);
        assert_eq!(check_tax_id("--"), Some(Problem::Invalid));
        assert_eq!(check_tax_id("NL<b>"), Some(Problem::Invalid));
        assert_eq!(
            check_tax_id(&"1".repeat(limits::TAX_ID + 1)),
            Some(Problem::TooLong {
                max: limits::TAX_ID
            })
        );
    }

    #[test]
    fn no_role_manages_a_higher_or_equal_one_but_admins() {
        assert!(Role::Admin.may_manage(Role::Admin));
        assert!(Role::Admin.may_manage(Role::Staff));
        assert!(Role::Staff.may_manage(Role::Shopper));
        assert!(!Role::Staff.may_manage(Role::Staff));
        assert!(!Role::Staff.may_manage(Role::Admin));
        assert!(!Role::Shopper.may_manage(Role::Shopper));
    }

    fn registration() -> RegistrationInput {
        RegistrationInput {
            full_name: "Mei Lin".into(),
            email: "mei@example.com".into(),
            phone: "+86 138 0013 8000".into(),
            address: PostalAddress {
                line1: "88 Century Avenue".into(),
                line2: String::new(),
                city: "Shanghai".into(),
                region: "Shanghai".into(),
                postal_code: "200120".into(),
                country: "CN".into(),
                ..PostalAddress::default()
            },
            password: "correct horse battery".into(),
            password_confirm: "correct horse battery".into(),
            marketing: None,
            accept_policy: Some("on".into()),
        }
    }

    fn fields(errors: &[FieldError]) -> Vec<&str> {
        errors.iter().map(|e| e.field.as_str()).collect()
    }

    #[test]
    fn a_complete_registration_is_valid() {
        assert_eq!(validate_registration(&registration()), vec![]);
    }

    #[test]
    fn every_problem_is_reported_at_once() {
        let r = RegistrationInput {
            full_name: " ".into(),
            email: "not-an-email".into(),
            phone: "call me".into(),
            address: PostalAddress::default(),
            password: "short".into(),
            password_confirm: "other".into(),
            marketing: None,
            accept_policy: None,
        };
        let errors = validate_registration(&r);
        assert_eq!(
            fields(&errors),
            [
                "full_name",
                "email",
                "phone",
                "line1",
                "city",
                "postal_code",
                "country",
                "password",
                "accept_policy"
            ]
        );
    }

    #[test]
    fn emails() {
        assert_eq!(check_email("a@b.co"), None);
        assert_eq!(check_email("  Mei.Lin+shop@example.com.cn "), None);
        assert_eq!(check_email(""), Some(Problem::Required));
        assert_eq!(check_email("mei@localhost"), Some(Problem::InvalidEmail));
        assert_eq!(check_email("mei@@example.com"), Some(Problem::InvalidEmail));
        assert_eq!(check_email("me i@example.com"), Some(Problem::InvalidEmail));
        assert_eq!(
            check_email("mei@exa..mple.com"),
            Some(Problem::InvalidEmail)
        );
        let long = format!("{}@example.com", "a".repeat(250));
        assert_eq!(
            check_email(&long),
            Some(Problem::TooLong { max: limits::EMAIL })
        );
        assert_eq!(normalize_email("  Mei@Example.COM "), "mei@example.com");
    }

    #[test]
    fn passwords() {
        assert_eq!(check_password("correct horse battery"), None);
        assert_eq!(
            check_password("123456789"),
            Some(Problem::TooShort { min: 10 })
        );
        assert_eq!(
            check_password("password123"),
            Some(Problem::PasswordTooCommon)
        );
        assert_eq!(
            check_password("Password123"),
            Some(Problem::PasswordTooCommon)
        );
        // 64 characters and more are accepted, never truncated.
        assert_eq!(check_password(&"x7".repeat(40)), None);
        assert_eq!(
            check_password(&"x".repeat(limits::PASSWORD + 1)),
            Some(Problem::TooLong {
                max: limits::PASSWORD
            })
        );
        // Spaces count: a password is never trimmed.
        assert_eq!(check_password("  abcdefg  "), None);
        assert_eq!(
            check_password_confirmation("a", "b"),
            Some(Problem::PasswordsDiffer)
        );
    }

    #[test]
    fn phones() {
        assert_eq!(check_phone("+1 (415) 555-0100"), None);
        assert_eq!(check_phone("13800138000"), None);
        assert_eq!(check_phone("12345"), Some(Problem::InvalidPhone));
        assert_eq!(check_phone("555-CALL-NOW"), Some(Problem::InvalidPhone));
        assert_eq!(check_phone("1+2345678"), Some(Problem::InvalidPhone));
    }

    #[test]
    fn addresses() {
        let mut a = registration().shipping_address();
        assert_eq!(validate_address(&a), vec![]);
        a.country = "XX".into();
        a.postal_code = "<script>".into();
        assert_eq!(fields(&validate_address(&a)), ["postal_code", "country"]);
        assert_eq!(validate_address(&a)[1].problem, Problem::UnknownCountry);
        let messy = PostalAddress {
            country: " cn ".into(),
            line1: " 1 Road ".into(),
            ..a
        };
        assert_eq!(messy.trimmed().country, "CN");
        assert_eq!(messy.trimmed().line1, "1 Road");
    }

    #[test]
    fn text_rejects_control_characters() {
        assert_eq!(check_text("Mei\u{0}Lin", 100), Some(Problem::Invalid));
        assert_eq!(
            check_text(&"a".repeat(101), 100),
            Some(Problem::TooLong { max: 100 })
        );
    }

    #[test]
    fn roles_are_ordered() {
        assert!(Role::Admin.is_staff() && Role::Staff.is_staff() && !Role::Shopper.is_staff());
        for role in Role::ALL {
            assert_eq!(Role::parse(role.as_str()), Some(role));
        }
        assert_eq!(Role::parse("root"), None);
    }
}

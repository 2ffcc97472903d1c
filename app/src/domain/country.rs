//! Countries the shop ships to: ISO 3166-1 alpha-2 code with English and Chinese names.

use crate::i18n::Lang;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Country {
    pub code: &'static str,
    pub en: &'static str,
    pub zh: &'static str,
}

pub const COUNTRIES: &[Country] = &[
    Country {
        code: "AE",
        en: "United Arab Emirates",
        zh: "阿拉伯联合酋长国",
    },
    Country {
        code: "AR",
        en: "Argentina",
        zh: "阿根廷",
    },
    Country {
        code: "AT",
        en: "Austria",
        zh: "奥地利",
    },
    Country {
        code: "AU",
        en: "Australia",
        zh: "澳大利亚",
    },
    Country {
        code: "BE",
        en: "Belgium",
        zh: "比利时",
    },
    Country {
        code: "BR",
        en: "Brazil",
        zh: "巴西",
    },
    Country {
        code: "CA",
        en: "Canada",
        zh: "加拿大",
    },
    Country {
        code: "CH",
        en: "Switzerland",
        zh: "瑞士",
    },
    Country {
        code: "CL",
        en: "Chile",
        zh: "智利",
    },
    Country {
        code: "CN",
        en: "China",
        zh: "中国",
    },
    Country {
        code: "CZ",
        en: "Czechia",
        zh: "捷克",
    },
    Country {
        code: "DE",
        en: "Germany",
        zh: "德国",
    },
    Country {
        code: "DK",
        en: "Denmark",
        zh: "丹麦",
    },
    Country {
        code: "EG",
        en: "Egypt",
        zh: "埃及",
    },
    Country {
        code: "ES",
        en: "Spain",
        zh: "西班牙",
    },
    Country {
        code: "FI",
        en: "Finland",
        zh: "芬兰",
    },
    Country {
        code: "FR",
        en: "France",
        zh: "法国",
    },
    Country {
        code: "GB",
        en: "United Kingdom",
        zh: "英国",
    },
    Country {
        code: "GR",
        en: "Greece",
        zh: "希腊",
    },
    Country {
        code: "HK",
        en: "Hong Kong",
        zh: "中国香港",
    },
    Country {
        code: "ID",
        en: "Indonesia",
        zh: "印度尼西亚",
    },
    Country {
        code: "IE",
        en: "Ireland",
        zh: "爱尔兰",
    },
    Country {
        code: "IL",
        en: "Israel",
        zh: "以色列",
    },
    Country {
        code: "IN",
        en: "India",
        zh: "印度",
    },
    Country {
        code: "IT",
        en: "Italy",
        zh: "意大利",
    },
    Country {
        code: "JP",
        en: "Japan",
        zh: "日本",
    },
    Country {
        code: "KR",
        en: "South Korea",
        zh: "韩国",
    },
    Country {
        code: "MO",
        en: "Macao",
        zh: "中国澳门",
    },
    Country {
        code: "MX",
        en: "Mexico",
        zh: "墨西哥",
    },
    Country {
        code: "MY",
        en: "Malaysia",
        zh: "马来西亚",
    },
    Country {
        code: "NG",
        en: "Nigeria",
        zh: "尼日利亚",
    },
    Country {
        code: "NL",
        en: "Netherlands",
        zh: "荷兰",
    },
    Country {
        code: "NO",
        en: "Norway",
        zh: "挪威",
    },
    Country {
        code: "NZ",
        en: "New Zealand",
        zh: "新西兰",
    },
    Country {
        code: "PH",
        en: "Philippines",
        zh: "菲律宾",
    },
    Country {
        code: "PL",
        en: "Poland",
        zh: "波兰",
    },
    Country {
        code: "PT",
        en: "Portugal",
        zh: "葡萄牙",
    },
    Country {
        code: "QA",
        en: "Qatar",
        zh: "卡塔尔",
    },
    Country {
        code: "SA",
        en: "Saudi Arabia",
        zh: "沙特阿拉伯",
    },
    Country {
        code: "SE",
        en: "Sweden",
        zh: "瑞典",
    },
    Country {
        code: "SG",
        en: "Singapore",
        zh: "新加坡",
    },
    Country {
        code: "TH",
        en: "Thailand",
        zh: "泰国",
    },
    Country {
        code: "TR",
        en: "Türkiye",
        zh: "土耳其",
    },
    Country {
        code: "TW",
        en: "Taiwan, China",
        zh: "中国台湾",
    },
    Country {
        code: "US",
        en: "United States",
        zh: "美国",
    },
    Country {
        code: "VN",
        en: "Vietnam",
        zh: "越南",
    },
    Country {
        code: "ZA",
        en: "South Africa",
        zh: "南非",
    },
];

impl Country {
    pub fn from_code(code: &str) -> Option<Country> {
        COUNTRIES
            .iter()
            .copied()
            .find(|c| c.code.eq_ignore_ascii_case(code))
    }

    pub fn name(self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.en,
            Lang::Zh => self.zh,
        }
    }
}

/// The name of a country code in a language, or the code itself when unknown.
pub fn country_name(code: &str, lang: Lang) -> String {
    Country::from_code(code)
        .map(|c| c.name(lang).to_string())
        .unwrap_or_else(|| code.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_sorted_unique_and_two_letters() {
        let codes: Vec<_> = COUNTRIES.iter().map(|c| c.code).collect();
        let mut sorted = codes.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(codes, sorted);
        assert!(
            codes
                .iter()
                .all(|c| c.len() == 2 && c.chars().all(|ch| ch.is_ascii_uppercase()))
        );
        assert_eq!(Country::from_code("cn").map(|c| c.zh), Some("中国"));
        assert_eq!(country_name("ZZ", Lang::En), "ZZ");
    }
}

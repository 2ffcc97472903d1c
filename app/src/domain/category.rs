//! The catalog's fixed categories: a stable slug for URLs and the database, and the texts
//! that name and describe each one.

use crate::i18n::Key;
use serde::{Deserialize, Serialize};

super::stored::stored_enum! {
    #[derive(Serialize, Deserialize)]
    pub enum Category: slug, from_slug {
        FixedOutdoor = "fixed-outdoor",
        Rental = "rental",
        Perimeter = "perimeter",
        Transparent = "transparent",
        Modules = "modules",
        Controllers = "controllers",
        Accessories = "accessories",
    }
}

impl Category {
    /// The words Chinese buyers search for products of this category with, kept in the
    /// search index beside the products' own texts (which rarely say 显示屏, "display").
    pub fn search_words_zh(self) -> &'static str {
        match self {
            Category::FixedOutdoor => "显示屏 户外显示屏 户外屏 LED显示屏 大屏 广告屏",
            Category::Rental => "显示屏 租赁屏 舞台屏 舞台显示屏 LED显示屏",
            Category::Perimeter => "显示屏 围栏屏 体育显示屏 球场显示屏",
            Category::Transparent => "显示屏 透明屏 透明显示屏 玻璃屏",
            // Not 显示屏 (nor a word starting with it): a search for screens lists screens.
            Category::Modules => "模组 单元板 备件",
            Category::Controllers => "控制器 控制卡 发送卡 接收卡 视频处理器",
            Category::Accessories => "配件 电源线 信号线 线缆",
        }
    }

    pub fn name(self) -> Key {
        match self {
            Category::FixedOutdoor => Key::CatFixedOutdoor,
            Category::Rental => Key::CatRental,
            Category::Perimeter => Key::CatPerimeter,
            Category::Transparent => Key::CatTransparent,
            Category::Modules => Key::CatModules,
            Category::Controllers => Key::CatControllers,
            Category::Accessories => Key::CatAccessories,
        }
    }

    pub fn blurb(self) -> Key {
        match self {
            Category::FixedOutdoor => Key::CatFixedOutdoorText,
            Category::Rental => Key::CatRentalText,
            Category::Perimeter => Key::CatPerimeterText,
            Category::Transparent => Key::CatTransparentText,
            Category::Modules => Key::CatModulesText,
            Category::Controllers => Key::CatControllersText,
            Category::Accessories => Key::CatAccessoriesText,
        }
    }

    /// The category's illustration under `public/`.
    pub fn image(self) -> String {
        format!("/images/categories/{}.svg", self.slug())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_round_trip_and_are_unique() {
        for c in Category::ALL {
            assert_eq!(Category::from_slug(c.slug()), Some(c));
        }
        let mut slugs: Vec<_> = Category::ALL.iter().map(|c| c.slug()).collect();
        slugs.sort();
        slugs.dedup();
        assert_eq!(slugs.len(), Category::ALL.len());
        assert_eq!(Category::from_slug("tv"), None);
    }
}

//! The catalog's fixed categories: a stable slug for URLs and the database, and the texts
//! that name and describe each one.

use crate::i18n::Key;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Category {
    FixedOutdoor,
    Rental,
    Perimeter,
    Transparent,
    Modules,
    Controllers,
    Accessories,
}

super::stored::stored_as!(Category, Category::ALL, slug);

impl Category {
    pub const ALL: [Category; 7] = [
        Category::FixedOutdoor,
        Category::Rental,
        Category::Perimeter,
        Category::Transparent,
        Category::Modules,
        Category::Controllers,
        Category::Accessories,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            Category::FixedOutdoor => "fixed-outdoor",
            Category::Rental => "rental",
            Category::Perimeter => "perimeter",
            Category::Transparent => "transparent",
            Category::Modules => "modules",
            Category::Controllers => "controllers",
            Category::Accessories => "accessories",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Category> {
        Category::ALL.into_iter().find(|c| c.slug() == slug)
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

//! The privacy policy's text: how it is written (blocks of plain text), how two versions are
//! compared (block by block, so a reader sees which paragraphs were added, removed or kept),
//! and what a draft must hold.
//!
//! A text is blocks separated by blank lines. A block whose first line starts with `## ` is a
//! heading; a block whose lines all start with `- ` is a list; any other block is a paragraph
//! (its lines joined by spaces). There is no other markup, and the text is shown as text.

use crate::error::{FieldError, Problem, ShopError};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Block {
    Heading(String),
    Paragraph(String),
    List(Vec<String>),
}

/// The blocks of `text` (line endings `\r\n` or `\n`).
pub fn blocks(text: &str) -> Vec<Block> {
    let text = text.replace("\r\n", "\n");
    let mut out = Vec::new();
    for chunk in text.split("\n\n") {
        let lines: Vec<&str> = chunk
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        let Some(first) = lines.first() else {
            continue;
        };
        if let Some(heading) = first.strip_prefix("## ") {
            out.push(Block::Heading(heading.trim().to_string()));
            if lines.len() > 1 {
                out.push(Block::Paragraph(lines[1..].join(" ")));
            }
        } else if lines.iter().all(|l| l.starts_with("- ")) {
            out.push(Block::List(
                lines.iter().map(|l| l[2..].trim().to_string()).collect(),
            ));
        } else {
            out.push(Block::Paragraph(lines.join(" ")));
        }
    }
    out
}

/// How a block of the newer version relates to the older one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Change {
    Same,
    Added,
    Removed,
}

/// The blocks of `new` and the removed ones of `old`, in reading order: a longest common
/// subsequence of blocks, with each removed block shown before what replaced it.
pub fn diff(old: &[Block], new: &[Block]) -> Vec<(Change, Block)> {
    let (n, m) = (old.len(), new.len());
    // lcs[i][j]: the longest common subsequence of old[i..] and new[j..].
    let mut lcs = vec![vec![0u32; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lcs[i][j] = if old[i] == new[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let mut out = Vec::with_capacity(n.max(m));
    let (mut i, mut j) = (0, 0);
    while i < n || j < m {
        if i < n && j < m && old[i] == new[j] {
            out.push((Change::Same, new[j].clone()));
            i += 1;
            j += 1;
        } else if i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1]) {
            out.push((Change::Removed, old[i].clone()));
            i += 1;
        } else {
            out.push((Change::Added, new[j].clone()));
            j += 1;
        }
    }
    out
}

/// A comparison as a reader sees it: changed blocks and headings one by one, and the
/// unchanged text between them folded into one piece each.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Piece {
    Block(Change, Block),
    Unchanged(Vec<Block>),
}

/// `diff` with each run of unchanged paragraphs and lists folded (headings stay, so the
/// reader sees in which section something changed).
pub fn fold_unchanged(diff: Vec<(Change, Block)>) -> Vec<Piece> {
    let mut out = Vec::new();
    let mut run = Vec::new();
    for (change, block) in diff {
        if change == Change::Same && !matches!(block, Block::Heading(_)) {
            run.push(block);
            continue;
        }
        if !run.is_empty() {
            out.push(Piece::Unchanged(std::mem::take(&mut run)));
        }
        out.push(Piece::Block(change, block));
    }
    if !run.is_empty() {
        out.push(Piece::Unchanged(run));
    }
    out
}

/// The longest policy text in one language, in characters.
pub const TEXT_MAX: usize = 60_000;
/// The longest summary of what a version changed.
pub const SUMMARY_MAX: usize = 1_000;

/// A version as staff write it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PolicyDraft {
    pub summary_en: String,
    pub summary_zh: String,
    pub text_en: String,
    pub text_zh: String,
}

impl PolicyDraft {
    /// Every field is required, within its maximum, and holds no control characters but
    /// line breaks and tabs; each text has at least one block.
    pub fn validate(&self) -> Result<(), ShopError> {
        let mut fields = Vec::new();
        for (name, value, max) in [
            ("summary_en", &self.summary_en, SUMMARY_MAX),
            ("summary_zh", &self.summary_zh, SUMMARY_MAX),
            ("text_en", &self.text_en, TEXT_MAX),
            ("text_zh", &self.text_zh, TEXT_MAX),
        ] {
            if let Some(problem) = check_long_text(value, max) {
                fields.push(FieldError {
                    field: name.to_string(),
                    problem,
                });
            }
        }
        ShopError::check(fields)
    }
}

pub(crate) fn check_long_text(value: &str, max: usize) -> Option<Problem> {
    if value.trim().is_empty() {
        Some(Problem::Required)
    } else if value.chars().count() > max {
        Some(Problem::TooLong { max })
    } else if value
        .chars()
        .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
    {
        Some(Problem::Invalid)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Block {
        Block::Paragraph(s.to_string())
    }

    #[test]
    fn text_is_cut_into_headings_lists_and_paragraphs() {
        let text = "Intro line one\nline two\r\n\r\n## What we collect\n\n- name\n- email\n\n\n\n## Rights\nYou may ask.\n";
        assert_eq!(
            blocks(text),
            vec![
                p("Intro line one line two"),
                Block::Heading("What we collect".into()),
                Block::List(vec!["name".into(), "email".into()]),
                Block::Heading("Rights".into()),
                p("You may ask."),
            ]
        );
        assert!(blocks(" \n\n \n").is_empty());
        // A list item among prose makes a paragraph, not a list.
        assert_eq!(blocks("- a\nb"), vec![p("- a b")]);
    }

    #[test]
    fn diff_keeps_order_and_marks_each_block() {
        let old = [p("a"), p("b"), p("c")];
        let new = [p("a"), p("B"), p("c"), p("d")];
        assert_eq!(
            diff(&old, &new),
            vec![
                (Change::Same, p("a")),
                (Change::Removed, p("b")),
                (Change::Added, p("B")),
                (Change::Same, p("c")),
                (Change::Added, p("d")),
            ]
        );
        assert_eq!(
            diff(&old, &old)
                .iter()
                .filter(|(c, _)| *c != Change::Same)
                .count(),
            0
        );
        assert_eq!(diff(&[], &new).len(), 4);
        assert!(diff(&old, &[]).iter().all(|(c, _)| *c == Change::Removed));
    }

    #[test]
    fn unchanged_text_is_folded_between_headings_and_changes() {
        let h = |s: &str| Block::Heading(s.to_string());
        let diff = vec![
            (Change::Same, p("intro")),
            (Change::Same, h("One")),
            (Change::Same, p("a")),
            (Change::Same, p("b")),
            (Change::Added, p("c")),
            (Change::Same, p("d")),
        ];
        assert_eq!(
            fold_unchanged(diff),
            vec![
                Piece::Unchanged(vec![p("intro")]),
                Piece::Block(Change::Same, h("One")),
                Piece::Unchanged(vec![p("a"), p("b")]),
                Piece::Block(Change::Added, p("c")),
                Piece::Unchanged(vec![p("d")]),
            ]
        );
        assert!(fold_unchanged(Vec::new()).is_empty());
    }

    #[test]
    fn a_draft_needs_every_field_within_its_limits() {
        let good = PolicyDraft {
            summary_en: "Analytics with consent".into(),
            summary_zh: "经同意的分析".into(),
            text_en: "## One\n\nText\twith a tab.".into(),
            text_zh: "## 一\n\n文本".into(),
        };
        assert!(good.validate().is_ok());
        let bad = PolicyDraft {
            summary_en: " ".into(),
            text_zh: "x".repeat(TEXT_MAX + 1),
            text_en: "bell\u{7}".into(),
            ..good
        };
        let Err(ShopError::Invalid { fields }) = bad.validate() else {
            panic!("accepted");
        };
        let problems: Vec<(&str, &Problem)> = fields
            .iter()
            .map(|f| (f.field.as_str(), &f.problem))
            .collect();
        assert_eq!(
            problems,
            [
                ("summary_en", &Problem::Required),
                ("text_en", &Problem::Invalid),
                ("text_zh", &Problem::TooLong { max: TEXT_MAX }),
            ]
        );
    }
}

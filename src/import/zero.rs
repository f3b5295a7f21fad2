//! 先－１－２ from a sheet: one row per facility. A row with a 告示番号 starts a technology; a row whose 告示番号
//! is blank (a merged cell read back) or repeats the one above (a CSV, which repeats a merged cell's value)
//! continues it with another facility. Then the table as the draft writes it.

use super::Bad;
use super::grid::Grid;
use super::header::Header;
use super::values::value;
use crate::diagnostics::Message;
use crate::syntax::write::{Field, Mapping, block_list, quoted};

type Fields = Vec<(&'static str, String)>;

/// A technology read: its own fields (notice, name, prior_cases) and its facilities' (name, reason, plan).
#[derive(Debug, Default)]
pub struct Technology {
    pub fields: Fields,
    pub facilities: Vec<Fields>,
}

/// Every technology below the header; every cell that cannot be read, at once.
pub fn read(grid: &Grid, header: &Header) -> Result<Vec<Technology>, Vec<Bad>> {
    let col = |key: &str| header.columns.iter().find(|(c, _)| c.key == key).map(|&(_, c)| c);
    let mut out: Vec<Technology> = Vec::new();
    let mut bad = Vec::new();
    let mut last_notice = String::new();
    // The technology above: its 技術名 and （参考） as the sheet writes them.
    let mut last = (String::new(), String::new());
    for r in header.last_row + 1..grid.rows.len() {
        let row = &grid.rows[r];
        if row.iter().all(|c| c.is_empty()) {
            continue;
        }
        let cell = |key: &str| col(key).map(|c| (c, grid.cell(r, c)));
        let Some((nc, notice)) = cell("notice") else { continue };
        let named = ["facility", "reason", "plan"].iter().any(|k| cell(k).is_some_and(|(_, c)| !c.is_empty()));
        // Notes below the table (「※「-」は…」) fill the first cell only.
        // Notes below the table (「※「-」は…」, 「注２：…」) fill the first cell only, with no notice number.
        if !named
            && !notice.is_empty()
            && row.iter().filter(|c| !c.is_empty()).count() == 1
            && value("notice", notice).is_err()
        {
            continue;
        }
        // A row continues the technology above only when it says nothing else of its own: a different 技術名
        // or （参考） there is another technology, never merged into the one above.
        let same = |key: &str, above: &str| cell(key).is_none_or(|(_, c)| c.is_empty() || c.text().trim() == above);
        let (name_above, prior_above) = (&last.0, &last.1);
        let own = !(same("name", name_above) && same("prior_cases", prior_above));
        if notice.is_empty() && own && !out.is_empty() {
            bad.push(Bad {
                place: grid.place(r, nc),
                text: String::new(),
                problem: Message::new(
                    "告示番号が空欄ですが、技術名か（参考）の実績が上の技術と違います。別の技術なら告示番号を書き、同じ技術ならその欄を空欄にしてください。",
                    "no notice number, but the name or the prior-year record differs from the technology above: write its notice number if it is another technology, or leave those cells empty if it is the same",
                ),
            });
            continue;
        }
        let continues = notice.is_empty() || (!out.is_empty() && notice.text().trim() == last_notice && !own);
        if !continues {
            let mut t = Technology::default();
            for key in ["notice", "name", "prior_cases"] {
                let Some((c, v)) = cell(key) else { continue };
                let read = match key {
                    "prior_cases" => prior(v),
                    _ => value(key, v),
                };
                match read {
                    Ok(v) => t.fields.push((key, v)),
                    Err(problem) => bad.push(Bad { place: grid.place(r, c), text: v.text(), problem }),
                }
            }
            last_notice = notice.text().trim().to_owned();
            let text = |key: &str| cell(key).map(|(_, c)| c.text().trim().to_owned()).unwrap_or_default();
            last = (text("name"), text("prior_cases"));
            out.push(t);
        } else if out.is_empty() {
            bad.push(Bad {
                place: grid.place(r, nc),
                text: String::new(),
                problem: Message::new(
                    "告示番号が空欄です。表の最初の行には告示番号を書いてください。",
                    "no notice number: the table's first row needs one",
                ),
            });
            continue;
        }
        if !named {
            continue;
        }
        let mut facility = Vec::new();
        for (key, field) in [("facility", "name"), ("reason", "reason"), ("plan", "plan")] {
            let Some((c, v)) = cell(key) else { continue };
            // The facilities' own words, as written: a leading full-width space, a closing line break.
            let read = if v.is_empty() { value("name", v) } else { Ok(quoted(&v.text())) };
            match read {
                Ok(text) => facility.push((field, text)),
                Err(problem) => bad.push(Bad { place: grid.place(r, c), text: v.text(), problem }),
            }
        }
        if let Some(t) = out.last_mut() {
            t.facilities.push(facility);
        }
    }
    if bad.is_empty() { Ok(out) } else { Err(bad) }
}

/// （参考） as the draft writes it: `0件`, `"-"`.
fn prior(cell: &super::grid::Cell) -> Result<String, Message> {
    match value("cases", cell)? {
        v if v.starts_with('"') => Ok(v),
        v => Ok(format!("{v}件")),
    }
}

/// The list's value in the draft, its lines indented under a key at `indent` columns, each ended by `eol`.
pub fn yaml(techs: &[Technology], indent: usize, eol: &str) -> String {
    let pad = |n: usize| " ".repeat(indent + n);
    if techs.is_empty() {
        return format!("{}[]{eol}", pad(2));
    }
    let scalars = |f: &Fields| -> Mapping { f.iter().map(|(k, v)| (*k, Field::Scalar(v.clone()))).collect() };
    let items: Vec<Mapping> = techs
        .iter()
        .map(|t| {
            let mut m = scalars(&t.fields);
            m.push(("facilities", Field::List(t.facilities.iter().map(scalars).collect())));
            m
        })
        .collect();
    block_list(&items, indent + 2, eol)
}

/// The number of facilities read.
pub fn facilities(techs: &[Technology]) -> usize {
    techs.iter().map(|t| t.facilities.len()).sum()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::grid::Cell;

    #[test]
    fn the_prior_year_is_written_as_the_draft_writes_it() {
        assert_eq!(prior(&Cell::Text("0件".into())).unwrap(), "0件");
        assert_eq!(prior(&Cell::Number("5".into())).unwrap(), "5件");
        assert_eq!(prior(&Cell::Text("－".into())).unwrap(), "\"-\"");
        assert!(prior(&Cell::Text("五件".into())).is_err());
    }
}

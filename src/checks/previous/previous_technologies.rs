//! `previous-technologies`: the technologies in last year's table and not in this year's, and the new ones,
//! against 技術数の推移's counts: the new ones are ② 新規承認, the ones gone are ③ 保険収載 + ④ 取下げ + ⑤ 削除. A
//! technology is the same one when its name is (as names compare), else when its 告示番号 is.

use super::{last_year, theirs};
use crate::checks::{Context, facts};
use crate::diagnostics::{Diagnostic, Message, RuleId};
use crate::model::places::{self, ChangeItem};
use crate::model::{ChangeColumn, CostRow, CostTable, Part};
use crate::text::Span;

/// A table's technologies: number, name as names compare, first row.
fn list(table: &CostTable) -> Vec<(u32, Option<String>, &CostRow)> {
    facts::technologies(table)
        .iter()
        .map(|(n, rows)| {
            let name = rows[0].name.as_ref().map(|x| facts::canonical(facts::without_facility_kind(&x.value)));
            (n, name, rows[0])
        })
        .collect()
}

/// The technologies of `from` that are not in `other`: by name, or by number where either has no name. Sets,
/// not a scan per technology: a table may have 100,000 rows, and the server runs this on every keystroke.
fn missing<'a>(
    from: &[(u32, Option<String>, &'a CostRow)],
    other: &[(u32, Option<String>, &CostRow)],
) -> Vec<&'a CostRow> {
    use std::collections::HashSet;
    let names: HashSet<&str> = other.iter().filter_map(|(_, n, _)| n.as_deref()).collect();
    let numbers: HashSet<u32> = other.iter().map(|(n, _, _)| *n).collect();
    let unnamed: HashSet<u32> = other.iter().filter(|(_, n, _)| n.is_none()).map(|(n, _, _)| *n).collect();
    from.iter()
        .filter(|(n, name, _)| match name {
            Some(name) => !names.contains(name.as_str()) && !unnamed.contains(n),
            None => !numbers.contains(n),
        })
        .map(|&(_, _, r)| r)
        .collect()
}

fn named(rows: &[&CostRow]) -> String {
    let names: Vec<String> = rows
        .iter()
        .map(|r| {
            let n = r.notice.as_ref().map_or(String::new(), |n| n.value.to_string());
            let name = r.name.as_ref().map_or("", |x| facts::without_facility_kind(&x.value));
            format!("告示番号{n} {name}")
        })
        .collect();
    if names.is_empty() { "なし".to_owned() } else { names.join("、") }
}

/// The sum of some items of a column, and where the first is; `None` when one is not written.
fn sum(c: &ChangeColumn, items: &[ChangeItem]) -> Option<(u64, Span)> {
    let cells = items.iter().map(|&i| c.get(i)).collect::<Option<Vec<_>>>()?;
    Some((cells.iter().map(|c| c.value.count()).sum(), cells.first()?.span))
}

pub(crate) fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(previous) = cx.previous else { return };
    let last = &previous.report;
    let year = last_year(previous);
    for part in Part::BOTH {
        let (Some(mine), Some(old), Some(changes)) =
            (cx.report.costs.get(part), last.costs.get(part), cx.report.changes.get(part))
        else {
            continue;
        };
        if !facts::all_numbered(mine) || !facts::all_numbered(old) {
            continue;
        }
        let (now, then) = (list(mine), list(old));
        let old_table = theirs(previous, &places::cost_table(part));
        let new = missing(&now, &then);
        let gone = missing(&then, &now);
        let sets = [
            (new, &[ChangeItem::Approved][..], false),
            (gone, &[ChangeItem::Insured, ChangeItem::Withdrawn, ChangeItem::Deleted][..], true),
        ];
        // The new technologies are those that took effect this year: when they are as many as that count,
        // a ② that differs is `approved-count`'s finding (one fault, one finding).
        let took_effect =
            facts::report_year(cx.report).and_then(|p| facts::took_effect(mine, p.value)).map(|t| t.len());
        for (rows, items, is_gone) in sets {
            let Some((count, span)) = sum(changes, items) else { continue };
            if rows.len() as u64 == count || (!is_gone && took_effect == Some(rows.len())) {
                continue;
            }
            let marks: String = items.iter().map(|i| i.mark()).collect::<Vec<_>>().join("＋");
            let table = places::cost_table(part);
            let (n, list) = (rows.len(), named(&rows));
            let message = if is_gone {
                Message::new(
                    format!(
                        "技術数の推移（{}）の保険収載・実施取り下げ・削除の技術数（{marks}）は合わせて{count}種類ですが、{}にあって今年度の{}にない技術は{n}種類です。",
                        part.label(),
                        old_table.ja,
                        table.ja
                    ),
                    format!(
                        "Changes in the number of technologies, {}: {marks} add up to {count}, but {n} technologies of {} are not in this year's {}.",
                        part.label(),
                        old_table.en,
                        table.en
                    ),
                )
            } else {
                Message::new(
                    format!(
                        "技術数の推移（{}）の②新規承認技術数は{count}種類ですが、{}になく今年度の{}にある技術は{n}種類です。",
                        part.label(),
                        old_table.ja,
                        table.ja
                    ),
                    format!(
                        "Changes in the number of technologies, {}: ② newly approved is {count}, but {n} technologies of this year's {} are not in {}.",
                        part.label(),
                        table.en,
                        old_table.en
                    ),
                )
            };
            let mut d = Diagnostic::new(RuleId::PreviousTechnologies, span, message)
                .note(Message::new(format!("該当する技術：{list}"), format!("The technologies: {list}")))
                .note(Message::new(
                    format!("{}と今年度の表を技術名で照合しました（技術名がなければ告示番号で）。数え漏れ、または表の行の過不足がないか確かめてください。", year.ja),
                    format!("The tables of {} and this year were matched by technology name (by notice number where a name is missing). Check the counts, and whether a row is missing or left over.", year.en),
                ));
            if is_gone {
                for r in &rows {
                    // The 告示番号 names the row in a line; the whole row would fill the output.
                    d = d.label_previous(
                        r.notice.as_ref().map_or(r.span, |n| n.span),
                        Message::new(format!("{}にあった技術", old_table.ja), format!("in {}", old_table.en)),
                    );
                }
            } else {
                d = d.label_previous(old.rows_key, old_table.clone());
                for r in &rows {
                    let at = r.notice.as_ref().map_or(r.span, |n| n.span);
                    d = d.label(at, Message::new("新しい技術", "a new technology"));
                }
            }
            out.push(d);
        }
    }
}

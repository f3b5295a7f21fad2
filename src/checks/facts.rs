//! Figures derived from the report that several rules compare against: the exact column sums of a cost
//! table, and its rows grouped by technology.

use crate::model::{CostRow, CostTable, Spanned};

/// Exact sums of a cost table's rows; a sum is `None` when any row's cell is missing or unreadable, or a row is
/// not a row at all, so that one bad cell does not produce a second, derived diagnostic.
#[derive(Debug, Clone, Copy)]
pub struct Sums {
    pub total_yen: Option<i128>,
    pub advanced_yen: Option<i128>,
    pub cases: Option<u64>,
    pub facilities: Option<u64>,
    pub rows: usize,
}

fn sum<T: Copy, S: std::iter::Sum<S>>(
    rows: &[CostRow],
    cell: impl Fn(&CostRow) -> Option<&Spanned<T>>,
    f: impl Fn(T) -> S,
) -> Option<S> {
    rows.iter().map(|r| cell(r).map(|c| f(c.value))).sum()
}

/// A column of counts summed without overflow: `None` past `u64` (15-digit counts on 20,000 rows), as for an
/// unreadable cell.
fn count_sum(rows: &[CostRow], cell: impl Fn(&CostRow) -> Option<&Spanned<crate::model::Cell<u64>>>) -> Option<u64> {
    rows.iter().try_fold(0u64, |acc, r| acc.checked_add(cell(r)?.value.count()))
}

pub fn sums(table: &CostTable) -> Sums {
    let rows = &table.rows;
    if !table.complete {
        return Sums { total_yen: None, advanced_yen: None, cases: None, facilities: None, rows: rows.len() };
    }
    Sums {
        total_yen: sum(rows, |r| r.total_yen.as_ref(), |c| c.yen()),
        advanced_yen: sum(rows, |r| r.advanced_yen.as_ref(), |c| c.yen()),
        cases: count_sum(rows, |r| r.cases.as_ref()),
        facilities: count_sum(rows, |r| r.facilities.as_ref()),
        rows: rows.len(),
    }
}

/// A cost table's rows grouped by technology number, in number order: `10(1)` and `10(2)` are one
/// technology. Sorted slices rather than a map of vectors: several rules ask, and a table may have 100,000 rows.
pub struct Technologies<'a> {
    rows: Vec<&'a CostRow>,
    /// (number, first row, end) into `rows`.
    groups: Vec<(u32, usize, usize)>,
}

impl<'a> Technologies<'a> {
    pub fn len(&self) -> usize {
        self.groups.len()
    }

    /// The rows of technology `number`, in table order.
    pub fn get(&self, number: u32) -> Option<&[&'a CostRow]> {
        let i = self.groups.binary_search_by_key(&number, |g| g.0).ok()?;
        let (_, start, end) = self.groups[i];
        Some(&self.rows[start..end])
    }

    pub fn iter(&self) -> impl Iterator<Item = (u32, &[&'a CostRow])> {
        self.groups.iter().map(|&(n, start, end)| (n, &self.rows[start..end]))
    }
}

pub fn technologies(table: &CostTable) -> Technologies<'_> {
    let mut numbered: Vec<(u32, &CostRow)> =
        table.rows.iter().filter_map(|r| Some((r.notice.as_ref()?.value.number, r))).collect();
    // Stable, so a technology's rows keep their order; tables are nearly sorted already.
    numbered.sort_by_key(|&(n, _)| n);
    let mut groups: Vec<(u32, usize, usize)> = Vec::new();
    for (i, &(n, _)) in numbered.iter().enumerate() {
        match groups.last_mut() {
            Some(g) if g.0 == n => g.2 = i + 1,
            _ => groups.push((n, i, i + 1)),
        }
    }
    Technologies { rows: numbered.into_iter().map(|(_, r)| r).collect(), groups }
}

/// Whether every row of a technology is known to have had no case (`None` when a count is unreadable).
pub fn had_no_case(rows: &[&CostRow]) -> Option<bool> {
    rows.iter().try_fold(true, |acc, r| Some(acc && r.cases.as_ref()?.value.count() == 0))
}

/// The rows next to a row whose 告示番号 could not be read: such a row may belong to their technology (`10①`
/// beside `10(2)`), so what is said of that technology as a whole is in doubt, and the unreadable number is the
/// one finding. Found once per table, by the rows' addresses.
pub struct BesideUnreadable(std::collections::HashSet<usize>);

impl BesideUnreadable {
    pub fn of(table: &CostTable) -> BesideUnreadable {
        let rows = &table.rows;
        let mut set = std::collections::HashSet::new();
        for (i, _) in rows.iter().enumerate().filter(|(_, r)| r.notice.is_none()) {
            set.extend(
                [i.checked_sub(1), Some(i + 1)]
                    .into_iter()
                    .flatten()
                    .filter_map(|j| rows.get(j))
                    .map(|r| r as *const CostRow as usize),
            );
        }
        BesideUnreadable(set)
    }

    /// Whether any of a technology's rows stands next to an unreadable 告示番号.
    pub fn any(&self, rows: &[&CostRow]) -> bool {
        !self.0.is_empty() && rows.iter().any(|r| self.0.contains(&(*r as *const CostRow as usize)))
    }
}

/// A technology's name without the kind of facility that B's sub-rows add in 【】: `陽子線治療…【外科的治療を実施する
/// 施設】` → `陽子線治療…`.
pub fn without_facility_kind(s: &str) -> &str {
    match s.trim_end().strip_suffix('】').and_then(|t| t.rfind('【').map(|i| &t[..i])) {
        Some(base) => base.trim_end(),
        None => s,
    }
}

/// The report's period, when it is a report's year (the 12 months from 1 July): the date checks measure against
/// it only then, so that a wrong period is one finding (`report-period`), not one on every date.
pub fn report_year(report: &crate::model::Report) -> Option<&Spanned<(jiff::civil::Date, jiff::civil::Date)>> {
    report.meta.period.as_ref().filter(|p| crate::model::read::ReportYear::is_period(p.value))
}

/// Whether every row of a table was read with its 告示番号: only then is the table's list of technologies whole
/// (a count of them, "not in the table", the approvals of the year).
pub fn all_numbered(table: &CostTable) -> bool {
    table.complete && table.rows.iter().all(|r| r.notice.is_some())
}

/// A technology's name as names compare: after NFKC and without white space. `ＤＮＡ` and `DNA` are one name,
/// and a line wrap in the printed table may stand where a space was.
pub fn canonical(s: &str) -> String {
    crate::model::read::normalize(s).chars().filter(|c| !c.is_whitespace()).collect()
}

/// The technologies of a table that took effect within `(start, end)`, with their first 適用年月日; `None`
/// when a row's date or number cannot be read (the count cannot be trusted then).
pub fn took_effect(
    table: &CostTable,
    (start, end): (jiff::civil::Date, jiff::civil::Date),
) -> Option<Vec<(u32, jiff::civil::Date)>> {
    if !all_numbered(table) {
        return None;
    }
    let mut found = Vec::new();
    for (number, rows) in technologies(table).iter() {
        let dates: Vec<_> = rows.iter().filter_map(|r| r.effective.as_ref()).map(|d| d.value).collect();
        if dates.len() < rows.len() {
            return None;
        }
        if let Some(first) = dates.iter().copied().min()
            && start <= first
            && first <= end
        {
            found.push((number, first));
        }
    }
    Some(found)
}

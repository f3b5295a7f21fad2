//! `zero-case-order`: each technology has one zero-case entry, and the entries follow 告示番号 as the cost
//! table does (先－１－２ lists them in that order). A second entry is most often a copy left behind.

use crate::checks::Context;
use crate::diagnostics::{Diagnostic, Message, RuleId};
use crate::model::{Notice, Part, Spanned};

pub(crate) fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    for part in Part::BOTH {
        let Some(entries) = cx.report.zero_cases.get(part) else { continue };
        let mut previous: Option<&Spanned<Notice>> = None;
        for notice in entries.iter().filter_map(|z| z.notice.as_ref()) {
            if let Some(p) = previous
                && notice.value <= p.value
            {
                let n = notice.value;
                let (ja, en) = if n == p.value {
                    (format!("告示番号 {n} の説明が重複しています"), format!("告示番号 {n} has a second entry"))
                } else {
                    (
                        format!(
                            "告示番号 {n} の説明が前の {} より後に書かれています（告示番号の順にしてください）",
                            p.value
                        ),
                        format!("告示番号 {n} comes after {}: the entries follow 告示番号", p.value),
                    )
                };
                out.push(
                    Diagnostic::new(RuleId::ZeroCaseOrder, notice.span, Message::new(ja, en))
                        .label(p.span, Message::new("前の説明", "the previous entry")),
                );
            }
            if previous.is_none_or(|p| notice.value > p.value) {
                previous = Some(notice);
            }
        }
    }
}

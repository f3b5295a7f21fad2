//! `zero-case-order`: each technology has one zero-case entry, and the entries follow 告示番号 as the cost
//! table does (先－１－２ lists them in that order). A second entry is most often a copy left behind.

use crate::checks::Context;
use crate::diagnostics::{Diagnostic, Message, RuleId};
use crate::model::places;
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
                let (place, zero) = (places::zero_entry(part, Some(&n.to_string()), 0), places::zero_table(part));
                let (ja, en, note) = if n == p.value {
                    (
                        format!("{}が2つあります。", place.ja),
                        format!("{} appears twice.", places::cap(&place.en)),
                        Message::new(
                            "1つの技術の欄は1つです。写して残った欄であれば削除し、別の技術の欄であれば告示番号を直してください。",
                            "Each technology has one entry. Delete a copy left behind, or correct the number if it is another technology's.",
                        ),
                    )
                } else {
                    (
                        format!("{}が、告示番号{}の欄より後に書かれています。", place.ja, p.value),
                        format!("{} comes after the entry for notice no. {}.", places::cap(&place.en), p.value),
                        Message::new(
                            format!("{}の欄は、参考資料と同じく告示番号の順に並べます。", zero.ja),
                            format!("The entries of {} follow the notice numbers, as the cost tables do.", zero.en),
                        ),
                    )
                };
                out.push(
                    Diagnostic::new(RuleId::ZeroCaseOrder, notice.span, Message::new(ja, en))
                        .label(p.span, Message::new("前の欄", "the previous entry"))
                        .note(note),
                );
            }
            if previous.is_none_or(|p| notice.value > p.value) {
                previous = Some(notice);
            }
        }
    }
}

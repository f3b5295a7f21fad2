//! The YAML parser's messages as an official reads them: its English says what the parser was doing
//! (`mapping values are not allowed in this context`); the Japanese says what to look at in the draft, in the
//! words of the guide (字下げ, 「- 」で始まる行, { } で1行にまとめた書き方), and the parser's own words follow in a note.

/// The Japanese sentence for a parser message, by the parts of it that name the case.
pub fn japanese(info: &str) -> &'static str {
    const CASES: &[(&str, &str)] = &[
        ("tab", "字下げにタブが使われています。字下げは空白で書いてください。"),
        (
            "mapping values are not allowed",
            "この行の「:」を読み取れません。値の中に「: 」を書くときは、値全体を \"…\" で囲んでください。字下げがずれている場合もあります。",
        ),
        (
            "block sequence entries are not allowed",
            "「- 」で始まる行をこの位置に置くことはできません。字下げを確かめてください。「-」だけを値にするときは \"-\" と書きます。",
        ),
        (
            "did not find expected key",
            "字下げがそろっていないため、項目名を読み取れません。同じまとまりの項目は同じ深さに字下げしてください。",
        ),
        ("expected '-' indicator", "「- 」で始まる行の並びの字下げがそろっていません。"),
        ("mapping keys are not allowed", "この位置に項目名は置けません。字下げを確かめてください。"),
        ("flow mapping", "{ } で1行にまとめた書き方の中で「,」か「}」が足りません。"),
        ("flow sequence", "[ ] で1行にまとめた書き方の中で「,」か「]」が足りません。"),
        ("quoted scalar, found unexpected end", "\" で囲んだ値が閉じられていません。"),
        ("quoted scalar", "\" で囲んだ値の中の書き方を読み取れません。"),
        ("simple key", "項目名の後に「:」がありません。"),
        ("indentation", "字下げの深さが合いません。"),
        ("unknown anchor", "「*」の記号の後の名前に当たる「&」がありません。"),
        ("anchor", "「&」の記号の使い方を読み取れません。"),
        ("unprintable", "表示できない文字が含まれています。"),
        ("unexpected character", "読み取れない文字があります。"),
        ("node content", "値を読み取れません。"),
        ("document", "「---」や「...」の行の使い方を読み取れません。"),
        ("byte order mark", "文書の途中に BOM（目に見えない印）があります。"),
        ("recursion limit", "字下げが深すぎます。"),
        ("unexpected eof", "下書きが途中で終わっています。"),
    ];
    CASES.iter().find(|(part, _)| info.contains(part)).map_or("下書きの書き方を読み取れません。", |&(_, ja)| ja)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_common_case_has_its_sentence() {
        assert!(japanese("mapping values are not allowed in this context").contains("「:」"));
        assert!(japanese("block sequence entries are not allowed in this context").contains("「- 」"));
        assert!(japanese("while parsing a block mapping, did not find expected key").contains("字下げ"));
        assert!(japanese("tabs disallowed within this context (block indentation)").contains("タブ"));
        assert!(japanese("something new").contains("読み取れません"));
    }
}

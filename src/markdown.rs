//! Render stage helper: the one place Markdown in role text is parsed and turned into HTML or
//! into Markdown for `.md` pages.
//!
//! Policy, applied to every text field: raw HTML is shown as text, never passed through; links
//! and images may only use `http`, `https`, `mailto` or `tel` (or be relative), anything else is
//! dropped and its text kept. ammonia then cleans the HTML once more as defence in depth, with
//! an allow-list of tags per context. `problems` reports what the policy changed, so `check` can
//! warn about it.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use std::collections::HashSet;
use std::ops::Range;
use std::sync::LazyLock;

const SAFE_SCHEMES: [&str; 4] = ["http", "https", "mailto", "tel"];

/// Every Markdown parse goes through here, so all fields read the same dialect.
fn parser(text: &str) -> Parser<'_> {
    Parser::new_ext(text, Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TABLES)
}

/// Something the safety policy changed in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// Raw HTML, shown as text.
    RawHtml(String),
    /// A link or image whose URL scheme is not allowed; the URL is dropped.
    UnsafeUrl(String),
}

/// True when `text` has nothing Markdown or HTML would read as markup, so it renders as
/// itself: most list items. Lets the common case skip parsing and sanitising.
fn is_plain(text: &str) -> bool {
    !text.contains(|c: char| {
        matches!(
            c,
            '*' | '_'
                | '`'
                | '['
                | ']'
                | '<'
                | '>'
                | '&'
                | '!'
                | '\\'
                | '#'
                | '|'
                | '~'
                | ':'
                | '\n'
                | '\r'
        )
    }) && !text
        .trim_start()
        .starts_with(|c: char| c.is_ascii_digit() || matches!(c, '-' | '+' | '='))
}

/// What the policy will change in `text`, in order of appearance.
pub fn problems(text: &str) -> Vec<Problem> {
    if is_plain(text) {
        return Vec::new();
    }
    parser(text)
        .filter_map(|event| match event {
            Event::Html(html) | Event::InlineHtml(html) => {
                Some(Problem::RawHtml(html.trim().to_owned()))
            }
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. })
                if !is_safe_url(&dest_url) =>
            {
                Some(Problem::UnsafeUrl(dest_url.into_string()))
            }
            _ => None,
        })
        .collect()
}

/// True for relative URLs and for the allowed schemes. Control characters and spaces are
/// ignored when reading the scheme, as browsers do (`java\tscript:`).
pub fn is_safe_url(url: &str) -> bool {
    let cleaned: String = url.chars().filter(|c| !c.is_control() && !c.is_whitespace()).collect();
    match cleaned.find(':') {
        None => true,
        Some(colon) => {
            let scheme = &cleaned[..colon];
            // A colon after a `/`, `?` or `#` is part of a relative path, not a scheme.
            if scheme.contains(['/', '?', '#']) {
                return true;
            }
            SAFE_SCHEMES.iter().any(|s| s.eq_ignore_ascii_case(scheme))
        }
    }
}

/// Inline Markdown (a list item, a title) → HTML without a wrapping paragraph.
pub fn inline_html(text: &str) -> String {
    if is_plain(text) {
        // No `<`, `>` or `&`: the text is its own HTML, for element content.
        return text.trim().to_owned();
    }
    static INLINE: LazyLock<ammonia::Builder<'static>> =
        LazyLock::new(|| sanitizer(&["a", "em", "strong", "code", "del", "br", "sub", "sup"]));
    INLINE.clean(&policy_html(text)).to_string().trim().to_owned()
}

/// Block Markdown (a summary, an answer) → HTML paragraphs and lists.
pub fn block_html(text: &str) -> String {
    static BLOCK: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
        sanitizer(&[
            "a",
            "em",
            "strong",
            "code",
            "del",
            "br",
            "sub",
            "sup",
            "p",
            "ul",
            "ol",
            "li",
            "blockquote",
            "pre",
            "table",
            "thead",
            "tbody",
            "tr",
            "th",
            "td",
            "h3",
            "h4",
            "h5",
            "h6",
            "hr",
        ])
    });
    BLOCK.clean(&policy_html(text)).to_string().trim_end().to_owned()
}

fn sanitizer(tags: &[&'static str]) -> ammonia::Builder<'static> {
    let mut builder = ammonia::Builder::empty();
    builder
        .tags(tags.iter().copied().collect::<HashSet<_>>())
        .add_tag_attributes("a", ["href"])
        .url_schemes(SAFE_SCHEMES.into_iter().collect())
        .link_rel(Some("noopener noreferrer"));
    builder
}

fn policy_html(text: &str) -> String {
    let mut skip_link_end = Vec::new();
    let events = parser(text).filter_map(|event| match event {
        Event::Html(html) | Event::InlineHtml(html) => Some(Event::Text(html)),
        Event::Start(Tag::Link { ref dest_url, .. }) => {
            let safe = is_safe_url(dest_url);
            skip_link_end.push(!safe);
            safe.then_some(event)
        }
        Event::End(TagEnd::Link) => (!skip_link_end.pop().unwrap_or(false)).then_some(event),
        // Images would load from elsewhere; a job description shows their alt text only.
        Event::Start(Tag::Image { .. }) | Event::End(TagEnd::Image) => None,
        _ => Some(event),
    });
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, events);
    html
}

/// Markdown for `.md` pages: the author's text, except that raw HTML is escaped so it shows as
/// text, and unsafe links are replaced by their text. Lines are joined when `inline`.
pub fn markdown(text: &str, inline: bool) -> String {
    if is_plain(text) {
        return text.trim().to_owned();
    }
    let mut edits: Vec<(Range<usize>, String)> = Vec::new();
    let mut open_unsafe_link: Option<(Range<usize>, usize)> = None;
    let mut depth = 0usize;
    for (event, range) in parser(text).into_offset_iter() {
        match event {
            Event::Start(Tag::Link { ref dest_url, .. } | Tag::Image { ref dest_url, .. })
                if !is_safe_url(dest_url) && open_unsafe_link.is_none() =>
            {
                open_unsafe_link = Some((range, depth));
                depth += 1;
            }
            Event::Start(_) => depth += 1,
            Event::End(_) => {
                depth = depth.saturating_sub(1);
                if let Some((link, d)) = &open_unsafe_link
                    && *d == depth
                {
                    edits.push((link.clone(), link_text(&text[link.clone()])));
                    open_unsafe_link = None;
                }
            }
            Event::Html(_) | Event::InlineHtml(_) if open_unsafe_link.is_none() => {
                edits.push((range.clone(), escape_markdown(&text[range])));
            }
            _ => {}
        }
    }
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for (range, replacement) in edits {
        if range.start < at {
            continue;
        }
        out.push_str(&text[at..range.start]);
        out.push_str(&replacement);
        at = range.end;
    }
    out.push_str(&text[at..]);
    let out = out.trim_end();
    if inline { out.split_whitespace().collect::<Vec<_>>().join(" ") } else { out.to_owned() }
}

/// `[text](url)` → `text`; for anything else, the source escaped.
fn link_text(source: &str) -> String {
    let inner = source.strip_prefix('!').unwrap_or(source);
    match (inner.strip_prefix('['), inner.rfind("](")) {
        (Some(_), Some(end)) => inner[1..end].to_owned(),
        _ => escape_markdown(source),
    }
}

fn escape_markdown(source: &str) -> String {
    let mut out = String::with_capacity(source.len() + 8);
    for c in source.chars() {
        if matches!(c, '<' | '>' | '&' | '\\' | '`' | '*' | '_' | '[' | ']') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A whole Markdown page as plain text for a form that takes no markup: headings and
/// paragraphs separated by blank lines, list items as `- `, links as `text (url)`.
pub fn plain_document(text: &str) -> String {
    let mut out = String::new();
    let mut link_urls: Vec<String> = Vec::new();
    for event in parser(text) {
        match event {
            Event::Start(Tag::Item) => out.push_str("- "),
            Event::End(TagEnd::Item) => out.push('\n'),
            Event::End(TagEnd::Heading(_) | TagEnd::Paragraph | TagEnd::List(_)) => {
                if !out.ends_with('\n') {
                    out.push('\n');
                }
                out.push('\n');
            }
            Event::Start(Tag::Link { dest_url, .. }) => link_urls.push(dest_url.into_string()),
            Event::End(TagEnd::Link) => {
                if let Some(url) = link_urls.pop()
                    && is_safe_url(&url)
                    && !out.ends_with(&url)
                {
                    out.push_str(&format!(" ({url})"));
                }
            }
            Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) => {
                out.push_str(&t)
            }
            Event::SoftBreak => out.push(' '),
            Event::HardBreak => out.push('\n'),
            _ => {}
        }
    }
    let mut lines: Vec<&str> = out.lines().map(str::trim_end).collect();
    lines.dedup_by(|a, b| a.is_empty() && b.is_empty());
    let mut text = lines.join("\n").trim().to_owned();
    text.push('\n');
    text
}

/// The plain text of Markdown, for titles and summaries in places that take no markup.
pub fn plain_text(text: &str) -> String {
    let mut out = String::new();
    for event in parser(text) {
        match event {
            Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) => {
                out.push_str(&t)
            }
            Event::SoftBreak | Event::HardBreak | Event::End(TagEnd::Paragraph) => out.push(' '),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn raw_html_is_shown_as_text() {
        let html = inline_html("Hello <script>alert(1)</script> *world*");
        assert!(!html.contains("<script"), "{html}");
        assert!(html.contains("&lt;script&gt;"), "{html}");
        assert!(html.contains("<em>world</em>"), "{html}");
    }

    #[test]
    fn unsafe_links_keep_their_text_only() {
        for url in ["javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,x", "vbscript:x"]
        {
            let text = format!("[click]({url})");
            let html = inline_html(&text);
            assert_eq!(html, "click", "{url}");
            assert_eq!(markdown(&text, true), "click", "{url}");
            assert_eq!(problems(&text), vec![Problem::UnsafeUrl(url.to_owned())]);
        }
    }

    #[test]
    fn schemes_are_read_as_browsers_read_them() {
        assert!(!is_safe_url("java\tscript:x"));
        assert!(!is_safe_url(" javascript:x"));
        assert!(is_safe_url("roles/a.html"));
        assert!(is_safe_url("a/b:c"));
    }

    #[test]
    fn safe_links_stay() {
        let html = inline_html("[PAHCOM](https://example.org/a?b=1&c=2)");
        assert_eq!(
            html,
            "<a href=\"https://example.org/a?b=1&amp;c=2\" rel=\"noopener noreferrer\">PAHCOM</a>"
        );
        assert!(
            problems("[x](https://a.example) [y](#sources) [z](mailto:a@b.example)").is_empty()
        );
    }

    #[test]
    fn markdown_output_escapes_raw_html() {
        assert_eq!(markdown("a <b onclick=x>b</b>", true), "a \\<b onclick=x\\>b\\</b\\>");
        assert_eq!(markdown("keep *this*\nand that", true), "keep *this* and that");
    }

    #[test]
    fn block_html_keeps_paragraphs_and_lists() {
        let html = block_html("One.\n\n- a\n- b\n");
        assert_eq!(html, "<p>One.</p>\n<ul>\n<li>a</li>\n<li>b</li>\n</ul>");
    }

    #[test]
    fn the_plain_text_fast_path_agrees_with_the_full_pipeline() {
        for text in
            ["Hire and train staff", "Patients' records", "Say \"hello\"", "a, b; c (d) e/f."]
        {
            assert!(is_plain(text), "{text}");
            let full = sanitizer(&["a"]).clean(&policy_html(text)).to_string();
            assert_eq!(inline_html(text), full.trim(), "{text}");
        }
        for text in ["1. first", "- item", "a *b*", "<b>", "x:y", "a\nb", "# h", "=x"] {
            assert!(!is_plain(text), "{text}");
        }
    }

    #[test]
    fn plain_text_drops_markup() {
        assert_eq!(plain_text("A *b* `c`\nd"), "A b c d");
    }
}

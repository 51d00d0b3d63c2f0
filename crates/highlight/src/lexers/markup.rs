//! Markup: Rouge's `html` lexer (which hands `<script>` to JavaScript and
//! `<style>` to CSS) and its `xml` lexer.

use super::{css, javascript, lexer_def};
use crate::engine::{Builder, Def};
use crate::token::*;

lexer_def!(html, build_html);
lexer_def!(xml, build_xml);

const NAME: &str = r"[\p{L}:_-][\p{Word}\p{Cf}:.·-]*";

fn build_html() -> Def {
    let mut b = Builder::new("html");
    b.state("root")
        .r(r"(?s)[^<&]+", TEXT)
        .r(r"&\S*?;", NI)
        .skip_run(r"&\S*")
        .r(r"(?is)<!DOCTYPE .*?>", CP)
        .r(r"(?s)<!\[CDATA\[.*?\]\]>", CP)
        .rp("<!--", C, "comment")
        .r(r"(?s)<\?.*?\?>", CP)
        .f(r"(?s)<\s*script\s*", |c| {
            c.tok(NT);
            c.reset_sub(javascript::javascript);
            c.push("script_content");
            c.push("tag");
        })
        .f(r"(?s)<\s*style\s*", |c| {
            c.tok(NT);
            c.reset_sub(css::css);
            c.push("style_content");
            c.push("tag");
        })
        .rp("</", NT, "tag_end")
        .rp("<", NT, "tag_start")
        .rp(&format!(r"<\s*{NAME}"), NT, "tag")
        .r(&format!(r"<\s*/\s*{NAME}\s*>"), NT);
    b.state("tag_end")
        .mixin("tag_end_end")
        .rg(NAME, NT, "tag_end_end");
    b.state("tag_end_end").r(r"\s+", TEXT).rpop(">", NT);
    b.state("tag_start")
        .r(r"\s+", TEXT)
        .rg(NAME, NT, "tag")
        .f("", |c| c.goto("tag"));
    b.state("comment").r("[^-]+", C).rpop("-->", C).r("-", C);
    b.state("tag")
        .r(r"(?s)\s+", TEXT)
        .rp(
            r"(?s)[\p{L}:_\[\]()*.-][\p{Word}\p{Cf}:.·\[\]()*-]*\s*=\s*",
            NA,
            "attr",
        )
        .r(r"[\p{L}:_*#-][\p{Word}\p{Cf}:.·*#-]*", NA)
        .rpop(r"(?s)/?\s*>", NT);
    b.state("attr")
        .rg("\"", S, "dq")
        .rg("'", S, "sq")
        .rpop(r"[^\s>]+", S);
    b.state("dq").rpop("\"", S).r("[^\"]+", S);
    b.state("sq").rpop("'", S).r("[^']+", S);
    b.state("script_content")
        .f("[^<]+", |c| {
            let t = c.m0();
            c.delegate(javascript::javascript, t);
        })
        .rpop(r"(?s)<\s*/\s*script\s*>", NT)
        .f("<", |c| {
            let t = c.m0();
            c.delegate(javascript::javascript, t);
        });
    b.state("style_content")
        .f("[^<]+", |c| {
            let t = c.m0();
            c.delegate(css::css, t);
        })
        .rpop(r"(?s)<\s*/\s*style\s*>", NT)
        .f("<", |c| {
            let t = c.m0();
            c.delegate(css::css, t);
        });
    b.build()
}

fn build_xml() -> Def {
    let name = r"[\p{L}:_][\p{Word}\p{Cf}:.·-]*";
    let mut b = Builder::new("xml");
    b.state("root")
        .r("[^<&]+", TEXT)
        .r(r"&\S*?;", NI)
        .skip_run(r"&\S*")
        .r(r"<!\[CDATA\[.*?\]\]>", CP)
        .rp("<!--", C, "comment")
        .r(r"<\?.*?\?>", CP)
        .r("<![^>]*>", CP)
        .rp(&format!(r"(?s)<\s*{name}"), NT, "tag")
        .r(&format!(r"(?s)<\s*/\s*{name}\s*>"), NT);
    b.state("comment")
        .r("(?s)[^-]+", C)
        .rpop("-->", C)
        .r("-", C);
    b.state("tag")
        .r(r"(?s)\s+", TEXT)
        .rp(&format!(r"(?s){name}\s*="), NA, "attr")
        .rpop(r"/?\s*>", NT);
    b.state("attr")
        .r(r"(?s)\s+", TEXT)
        .rpop(r#"(?s)".*?"|'.*?'|[^\s>]+"#, S);
    b.build()
}

lexer_def!(erb, build_erb);

/// Rouge's `erb` lexer (aliases `eruby`, `rhtml`): Ruby between `<% %>`,
/// HTML around it.
fn build_erb() -> Def {
    let open = "<%%|<%=|<%#|<%-|<%";
    let close = "%%>|-%>|%>";
    let mut b = Builder::new("erb");
    b.start(|c| {
        c.reset_sub(html);
        c.reset_sub(super::ruby::ruby);
    });
    b.state("root")
        .rp("<%#", C, "comment")
        .rp(open, CP, "ruby")
        .f(&format!("(?s).+?(?={open})|.+"), |c| {
            let t = c.m0();
            c.delegate(html, t);
        });
    b.state("comment")
        .rpop(close, C)
        .r(&format!("(?s).+?(?={close})|.+"), C);
    b.state("ruby")
        .rpop(close, CP)
        .f(&format!("(?s).+?(?={close})|.+"), |c| {
            let t = c.m0();
            c.delegate(super::ruby::ruby, t);
        });
    b.build()
}

lexer_def!(nginx, build_nginx);

/// Rouge's `nginx` lexer (configuration files).
fn build_nginx() -> Def {
    let id = r"[^\s$;{}()#]+";
    let mut b = Builder::new("nginx");
    b.state("root")
        .g(r"(include)(\s+)([^\s;]+)", &[K, TEXT, N])
        .rp(id, K, "statement")
        .mixin("base");
    b.state("block")
        .rpop(r"\}", P)
        .rp(id, KN, "statement")
        .mixin("base");
    b.state("statement")
        .f(r"\{", |c| {
            c.tok(P);
            c.pop(1);
            c.push("block");
        })
        .rpop(";", P)
        .mixin("base");
    b.state("base")
        .r(r"\s+", TEXT)
        .r("#.*", C1)
        .r(r"(?:on|off)\b", NO)
        .r(r"[$][\w-]+", NV)
        .g(r"(?i)([a-z0-9.-]+)(:)([0-9]+)", &[NF, P, MI])
        .r("(?i)[a-z-]+/[a-z-]+", NC)
        .r(r"(?i)[0-9]+[kmg]?\b", MI)
        .g(r"(~)(\s*)([^\s{]+)", &[P, TEXT, SR])
        .r("[:=~]", P)
        .r(&format!("/(?:{id})?"), N)
        .r(r"[^#\s;{}$\\]+", S)
        .r("[$;]", TEXT);
    b.build()
}

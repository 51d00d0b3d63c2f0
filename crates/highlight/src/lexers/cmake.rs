//! Rouge's `cmake` lexer: commands (builtin or user-defined) before `(`,
//! quoted and bracket arguments, bracket comments and `${…}` references.
//! Characters no rule claims take the token of the state they occur in.

use super::{lexer_def, Words};
use crate::engine::{Builder, Ctx, Def};
use crate::token::*;

lexer_def!(cmake, build);

const BUILTIN_COMMANDS: &str = "add_compile_definitions add_compile_options add_custom_command \
    add_custom_target add_definitions add_dependencies add_executable add_library \
    add_link_options add_subdirectory add_test aux_source_directory break build_command \
    build_name cmake_host_system_information cmake_language cmake_minimum_required \
    cmake_parse_arguments cmake_policy configure_file create_test_sourcelist define_property \
    else elseif enable_language enable_testing endforeach endfunction endif endmacro endwhile \
    exec_program execute_process export export_library_dependencies file find_file \
    find_library find_package find_path find_program fltk_wrap_ui foreach function \
    get_cmake_property get_directory_property get_filename_component get_property \
    get_source_file_property get_target_property get_test_property if include \
    include_directories include_external_msproject include_guard include_regular_expression \
    install install_files install_programs install_targets link_directories link_libraries \
    list load_cache load_command macro make_directory mark_as_advanced math message option \
    output_required_files project qt_wrap_cpp qt_wrap_ui remove remove_definitions return \
    separate_arguments set set_directory_properties set_property set_source_files_properties \
    set_target_properties set_tests_properties site_name source_group string subdir_depends \
    subdirs target_compile_definitions target_compile_features target_compile_options \
    target_include_directories target_link_directories target_link_libraries \
    target_link_options target_precompile_headers target_sources try_compile try_run unset \
    use_mangled_mesa utility_source variable_requires variable_watch while write_file";

/// The token of the state on top of the stack (Rouge's `STATES_MAP`).
fn state_token(c: &Ctx<'_>) -> Tok {
    if c.state_is("bracket_string") || c.state_is("quoted_argument") {
        S2
    } else if c.state_is("bracket_comment") {
        CM
    } else if c.state_is("variable_reference") {
        NV
    } else {
        TEXT
    }
}

fn build() -> Def {
    let builtins = Words::new(BUILTIN_COMMANDS);
    let mut b = Builder::new("cmake");
    b.state("default")
        .f(r"\r\n?|\n", |c| {
            let t = state_token(c);
            c.tok(t);
        })
        .f(".", |c| {
            let t = state_token(c);
            c.tok(t);
        });
    b.state("variable_interpolation")
        .rp(r"\$\{", SI, "variable_reference");
    b.state("bracket_close").f(r"\]=*\]", |c| {
        let t = state_token(c);
        c.tok(t);
        if c.m0().len().to_string() == c.var("bracket_len") {
            c.goto("root");
        }
    });
    b.state("root")
        .mixin("variable_interpolation")
        .r("[ \t]", TEXT)
        .r("[()]", P)
        .f(r"#\[=*\[", |c| {
            c.tok(CM);
            let n = c.m0().len() - 1;
            c.set_var("bracket_len", n.to_string());
            c.goto("bracket_comment");
        })
        .f(r"\[=*\[", |c| {
            c.tok(S2);
            let n = c.m0().len();
            c.set_var("bracket_len", n.to_string());
            c.goto("bracket_string");
        })
        .r(r#"\\""#, TEXT)
        .rp("\"", S2, "quoted_argument")
        .f(r"([A-Za-z_][A-Za-z0-9_]*)([ \t]*)(\()", move |c| {
            let name = if builtins.has(c.m(1)) { NB } else { NF };
            c.groups(&[name, TEXT, P]);
        })
        // Inside a word that is not a call, no later start is one either.
        .skip_run("[A-Za-z_][A-Za-z0-9_]*")
        .r("#.*", C1)
        .mixin("default");
    b.state("bracket_string")
        .mixin("bracket_close")
        .mixin("variable_interpolation")
        .mixin("default");
    b.state("bracket_comment")
        .mixin("bracket_close")
        .mixin("default");
    b.state("variable_reference")
        .mixin("variable_interpolation")
        .rpop(r"\}", SI)
        .mixin("default");
    b.state("quoted_argument")
        .mixin("variable_interpolation")
        // Rouge pushes `root` here rather than popping.
        .rp("\"", S2, "root")
        .r(r#"\\[()#" \\$@^trn;]"#, SE)
        .mixin("default");
    b.build()
}

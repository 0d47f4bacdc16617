//! The one table of the commands a menu item or a keyboard shortcut runs: its label, its
//! shortcuts and when it is enabled. The menus and the shortcut handling both read [`COMMANDS`], so
//! a shortcut, a label or an enabled rule is written once.

use egui::{Key, KeyboardShortcut, Modifiers};

use crate::i18n::K;

/// A command of the menus and the keyboard (the data-free ones; [`super::Command`] is what runs).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CommandId {
    /// An empty project.
    New,
    /// Ask for a file to open.
    Open,
    /// The demo clinic.
    Demo,
    /// The Import exports dialog.
    ImportExports,
    /// Save to the project file (or ask for one).
    Save,
    /// Save to a project file asked for.
    SaveAs,
    /// Export the template workbook.
    ExportTemplate,
    /// Write the analyst report.
    ExportReport,
    /// Save the meeting story's screens as PNGs.
    ExportStory,
    /// Save the charts on screen as PNG.
    SaveChartPng,
    /// Close the window.
    Quit,
    /// Undo the last edit.
    Undo,
    /// Redo the last undone edit.
    Redo,
    /// The "Build next year's plan" dialog.
    BuildPlan,
    /// Enter or leave the meeting mode.
    Meeting,
    /// Show the AARRR view.
    ShowAarrr,
}

/// When a command can run; a disabled command is greyed out in its menu and its shortcut is left
/// to the widgets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EnabledWhen {
    /// Always.
    Always,
    /// There is an edit to undo.
    CanUndo,
    /// There is an undone edit to redo.
    CanRedo,
    /// A chart is on screen in the Charts view.
    ChartShown,
}

/// One row of the command table.
#[derive(Clone, Copy, Debug)]
pub struct CommandSpec {
    /// Which command.
    pub id: CommandId,
    /// Its menu label.
    pub label: K,
    /// Its menu tooltip, if any.
    pub hint: Option<K>,
    /// Its keyboard shortcuts (none: menu only).
    pub shortcuts: &'static [KeyboardShortcut],
    /// Whether the shortcut also works while a text field has the focus: text fields keep their
    /// own undo and redo, the file shortcuts work everywhere.
    pub in_text: bool,
    /// When it can run.
    pub enabled: EnabledWhen,
}

const COMMAND: Modifiers = Modifiers::COMMAND;
const COMMAND_SHIFT: Modifiers = Modifiers { shift: true, ..Modifiers::COMMAND };

const fn row(id: CommandId, label: K, shortcuts: &'static [KeyboardShortcut], in_text: bool) -> CommandSpec {
    CommandSpec { id, label, hint: None, shortcuts, in_text, enabled: EnabledWhen::Always }
}

/// Every menu and keyboard command, in [`CommandId`] order (a test checks it).
pub const COMMANDS: &[CommandSpec] = &[
    row(CommandId::New, K::MenuNew, &[KeyboardShortcut::new(COMMAND, Key::N)], true),
    row(CommandId::Open, K::MenuOpen, &[KeyboardShortcut::new(COMMAND, Key::O)], true),
    row(CommandId::Demo, K::MenuDemo, &[], true),
    row(CommandId::ImportExports, K::MenuImportExports, &[], true),
    row(CommandId::Save, K::MenuSave, &[KeyboardShortcut::new(COMMAND, Key::S)], true),
    row(CommandId::SaveAs, K::MenuSaveAs, &[KeyboardShortcut::new(COMMAND_SHIFT, Key::S)], true),
    row(CommandId::ExportTemplate, K::MenuExport, &[], true),
    row(CommandId::ExportReport, K::MenuExportReport, &[], true),
    row(CommandId::ExportStory, K::MenuExportStory, &[], true),
    CommandSpec { enabled: EnabledWhen::ChartShown, ..row(CommandId::SaveChartPng, K::MenuSaveChartPng, &[], true) },
    row(CommandId::Quit, K::MenuQuit, &[], true),
    CommandSpec {
        enabled: EnabledWhen::CanUndo,
        ..row(CommandId::Undo, K::MenuUndo, &[KeyboardShortcut::new(COMMAND, Key::Z)], false)
    },
    CommandSpec {
        enabled: EnabledWhen::CanRedo,
        ..row(
            CommandId::Redo,
            K::MenuRedo,
            &[KeyboardShortcut::new(COMMAND_SHIFT, Key::Z), KeyboardShortcut::new(COMMAND, Key::Y)],
            false,
        )
    },
    CommandSpec { hint: Some(K::MenuBuildPlanHint), ..row(CommandId::BuildPlan, K::MenuBuildPlan, &[], true) },
    row(CommandId::Meeting, K::MenuMeeting, &[KeyboardShortcut::new(Modifiers::NONE, Key::F11)], true),
    row(CommandId::ShowAarrr, K::Aarrr, &[], true),
];

impl CommandId {
    /// The command's row of [`COMMANDS`].
    pub fn spec(self) -> &'static CommandSpec {
        &COMMANDS[self as usize]
    }
}

/// Every shortcut with its command, the ones with more modifiers first: egui matches Ctrl+S also
/// when Shift is held, so Ctrl+Shift+S must be taken before Ctrl+S.
pub fn shortcuts_in_match_order() -> Vec<(KeyboardShortcut, CommandId)> {
    let mut all: Vec<(KeyboardShortcut, CommandId)> =
        COMMANDS.iter().flat_map(|c| c.shortcuts.iter().map(move |s| (*s, c.id))).collect();
    let held = |m: Modifiers| [m.alt, m.shift, m.command || m.ctrl || m.mac_cmd].into_iter().filter(|b| *b).count();
    all.sort_by_key(|(s, _)| std::cmp::Reverse(held(s.modifiers)));
    all
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_is_in_id_order_so_spec_finds_each_row() {
        for (i, c) in COMMANDS.iter().enumerate() {
            assert_eq!(c.id as usize, i, "{:?} is out of place", c.id);
            assert_eq!(c.id.spec().id, c.id);
        }
        assert_eq!(CommandId::ShowAarrr as usize + 1, COMMANDS.len(), "every id has a row");
    }

    #[test]
    fn no_shortcut_runs_two_commands() {
        let all = shortcuts_in_match_order();
        for (i, (a, _)) in all.iter().enumerate() {
            assert!(all[i + 1..].iter().all(|(b, _)| b != a), "{a:?} is given twice");
        }
    }

    #[test]
    fn shift_shortcuts_are_matched_before_their_plain_twins() {
        let all = shortcuts_in_match_order();
        let at = |s: KeyboardShortcut| all.iter().position(|(x, _)| *x == s);
        let save_as = at(KeyboardShortcut::new(COMMAND_SHIFT, Key::S));
        let save = at(KeyboardShortcut::new(COMMAND, Key::S));
        assert!(save_as < save);
        let redo = at(KeyboardShortcut::new(COMMAND_SHIFT, Key::Z));
        let undo = at(KeyboardShortcut::new(COMMAND, Key::Z));
        assert!(redo < undo);
        assert_eq!(all[redo.unwrap_or_default()].1, CommandId::Redo);
    }
}

//! The Charts view: its tabs, pickers and remembered state, and the Dashboard's small charts.

use super::*;

/// The tabs of the Charts view.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum ChartTab {
    /// Revenue by month.
    #[default]
    Revenue,
    /// The month in progress with the pace panel.
    Month,
    /// The funnel.
    Funnel,
    /// Channels.
    Channels,
    /// Directions and the revenue-gap waterfall.
    Directions,
    /// Doctors and treatment plans.
    Doctors,
    /// NPS.
    Nps,
}

impl ChartTab {
    /// Every tab, in the order shown.
    pub const ALL: [ChartTab; 7] = [
        ChartTab::Revenue,
        ChartTab::Month,
        ChartTab::Funnel,
        ChartTab::Channels,
        ChartTab::Directions,
        ChartTab::Doctors,
        ChartTab::Nps,
    ];

    /// The tab's name.
    pub fn label(self, lang: Lang) -> &'static str {
        tr(
            lang,
            match self {
                ChartTab::Revenue => K::TabRevenue,
                ChartTab::Month => K::SheetDays,
                ChartTab::Funnel => K::Funnel,
                ChartTab::Channels => K::Channels,
                ChartTab::Directions => K::Directions,
                ChartTab::Doctors => K::Doctors,
                ChartTab::Nps => K::Nps,
            },
        )
    }
}

/// One chart of a tab: what a right click saves and what a saved picture holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ChartId {
    /// Revenue by month against plan.
    Revenue,
    /// The month in progress by day, cumulative.
    Days,
    /// The month in progress by ISO week.
    Weeks,
    /// The funnel of the clinic or one channel.
    Funnel,
    /// Channels: spend against attributed revenue.
    ChannelMoney,
    /// Channels: CPL and CAC.
    ChannelCost,
    /// Channels: ROMI.
    ChannelRomi,
    /// Directions: revenue against plan.
    DirRevenue,
    /// Directions: CAC and LTV.
    DirLtv,
    /// Directions: LTV:CAC.
    DirLtvCac,
    /// The revenue-gap waterfall of one month.
    Waterfall,
    /// Doctors: utilisation and conversion.
    Doctors,
    /// Treatment plans per doctor.
    Treatment,
    /// NPS by period.
    Nps,
    /// NPS answers by group.
    NpsGroups,
}

impl ChartId {
    /// The chart's title as drawn above it (the funnel and NPS add the channel or direction shown).
    pub fn title(self, lang: Lang) -> &'static str {
        tr(
            lang,
            match self {
                ChartId::Revenue => K::ChartRevenue,
                ChartId::Days => K::ChartDays,
                ChartId::Weeks => K::ChartWeeks,
                ChartId::Funnel => K::FunnelHeading,
                ChartId::ChannelMoney => K::ChartSpendRevenue,
                ChartId::ChannelCost => K::ChartCplCac,
                ChartId::ChannelRomi => K::ChartChannelsRomi,
                ChartId::DirRevenue => K::ChartDirRevenue,
                ChartId::DirLtv => K::ChartDirLtv,
                ChartId::DirLtvCac => K::ChartDirLtvCac,
                ChartId::Waterfall => K::ChartWaterfall,
                ChartId::Doctors => K::ChartDoctors,
                ChartId::Treatment => K::ChartTreatment,
                ChartId::Nps => K::TitleNps,
                ChartId::NpsGroups => K::ChartNpsGroups,
            },
        )
    }
}

impl ChartTab {
    /// The tab's charts, top to bottom.
    pub fn charts(self) -> &'static [ChartId] {
        match self {
            ChartTab::Revenue => &[ChartId::Revenue],
            ChartTab::Month => &[ChartId::Days, ChartId::Weeks],
            ChartTab::Funnel => &[ChartId::Funnel],
            ChartTab::Channels => &[ChartId::ChannelMoney, ChartId::ChannelCost, ChartId::ChannelRomi],
            ChartTab::Directions => &[ChartId::DirRevenue, ChartId::DirLtv, ChartId::DirLtvCac, ChartId::Waterfall],
            ChartTab::Doctors => &[ChartId::Doctors, ChartId::Treatment],
            ChartTab::Nps => &[ChartId::Nps, ChartId::NpsGroups],
        }
    }
}

/// What the user asked to save as PNG from the Charts view.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PngRequest {
    /// Every chart of the tab shown ("Save chart as PNG"), one picture each.
    Tab,
    /// One chart (its right-click menu).
    One(ChartId),
}

/// The calendar of the month in progress, recomputed only when its inputs change (it walks every
/// Revenue row, too slow to redo each frame on big projects).
#[derive(Clone, Debug, Default)]
pub struct CalendarCache {
    key: Option<(Progress, Filter, usize)>,
    calendar: Option<MonthCalendar>,
}

impl CalendarCache {
    /// The calendar of `kpis.progress`'s month under `filter`'s direction, or `None` when there is
    /// no month in progress. Keyed on the progress (its revenue to date and last day change with
    /// any edit of that month's revenue), the filter and the number of Revenue rows.
    pub fn get(&mut self, project: &Project, kpis: &Kpis, filter: &Filter) -> Option<&MonthCalendar> {
        let Some(p) = kpis.progress.as_ref() else {
            self.key = None;
            self.calendar = None;
            return None;
        };
        let key = (p.clone(), filter.clone(), project.revenue.len());
        if self.key.as_ref() != Some(&key) {
            self.calendar = Some(month_calendar(project, p.month, filter));
            self.key = Some(key);
        }
        self.calendar.as_ref()
    }

    /// Forgets the calendar, e.g. after an edit the key cannot see.
    pub fn invalidate(&mut self) {
        self.key = None;
    }
}

/// What the Charts view remembers between frames: the picks and the chart to save.
#[derive(Clone, Debug, Default)]
pub struct ChartsState {
    /// The tab shown.
    pub tab: ChartTab,
    /// The funnel's channel (`None`: the whole clinic).
    pub channel: Option<String>,
    /// The channel charts' sort key.
    pub sort: ChannelSort,
    /// The month of the gap waterfall (`None`: the latest).
    pub gap_month: Option<Month>,
    /// The NPS direction (`None`: all directions).
    pub nps_direction: Option<String>,
    /// The month-in-progress calendar.
    pub calendar: CalendarCache,
    /// Screen rectangle of the charts shown last frame (clipped to what is visible), `None` when
    /// none is: "Save chart as PNG" is offered only while a chart is on screen.
    pub chart_rect: Option<egui::Rect>,
    /// Set when the user pressed the view's "Save as PNG" button or a chart's "Save this chart as
    /// PNG"; the app shell takes it with [`ChartsState::take_png_request`], asks for a path and
    /// writes the [`chart_pictures`] with [`write_png`].
    png_request: Option<PngRequest>,
}

impl ChartsState {
    /// What the user asked to save as PNG since the last call (then cleared).
    pub fn take_png_request(&mut self) -> Option<PngRequest> {
        self.png_request.take()
    }
}

/// The Charts view: the tabs, then the chosen tab's charts in a scroll area. Draws into the
/// remaining space of `ui`.
pub fn charts_view_ui(
    ui: &mut egui::Ui,
    state: &mut ChartsState,
    project: &Project,
    kpis: &Kpis,
    filter: &Filter,
    loc: Locale,
) {
    let lang = loc.lang;
    ui.horizontal_wrapped(|ui| {
        for tab in ChartTab::ALL {
            ui.selectable_value(&mut state.tab, tab, tab.label(lang));
        }
        ui.separator();
        if ui.button(tr(lang, K::MenuSaveChartPng)).on_hover_text(tr(lang, K::SavePngHint)).clicked() {
            state.png_request = Some(PngRequest::Tab);
        }
    });
    ui.horizontal(|ui| pickers_ui(ui, state, kpis, lang));
    ui.separator();
    let calendar = if state.tab == ChartTab::Month { state.calendar.get(project, kpis, filter).cloned() } else { None };
    egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
        let clip = ui.clip_rect();
        let inner = ui.vertical(|ui| tab_charts_ui(ui, state, kpis, calendar.as_ref(), loc));
        let r = inner.response.rect.intersect(clip);
        state.chart_rect = (r.is_positive()).then_some(r);
        if let Some(chart) = inner.inner {
            state.png_request = Some(PngRequest::One(chart));
        }
    });
}

/// The charts of `state`'s tab, one under another, each with a right-click menu to save it
/// alone; returns the chart whose "Save this chart as PNG" was clicked.
fn tab_charts_ui(
    ui: &mut egui::Ui,
    state: &ChartsState,
    kpis: &Kpis,
    calendar: Option<&MonthCalendar>,
    loc: Locale,
) -> Option<ChartId> {
    let mut save = None;
    tab_header_ui(ui, state.tab, kpis, calendar, loc);
    for (i, &chart) in state.tab.charts().iter().enumerate() {
        if i > 0 {
            ui.add_space(CHART_GAP);
        }
        let response = ui.scope(|ui| chart_ui(ui, chart, state, kpis, calendar, loc)).response;
        response.container_context_menu(|ui| {
            if ui.button(tr(loc.lang, K::SaveThisChartPng)).clicked() {
                save = Some(chart);
                ui.close();
            }
        });
    }
    save
}

/// Space between two charts of a tab, in points.
const CHART_GAP: f32 = 10.0;

/// What a tab shows above its charts (the month in progress: the pace panel); drawn in the view
/// and at the top of the tab's first picture.
pub(super) fn tab_header_ui(
    ui: &mut egui::Ui,
    tab: ChartTab,
    kpis: &Kpis,
    calendar: Option<&MonthCalendar>,
    loc: Locale,
) {
    if tab == ChartTab::Month {
        pace::pace_ui(ui, kpis.progress.as_ref(), calendar, loc);
        ui.add_space(8.0);
    }
}

/// One chart with its title, as the Charts view and a saved picture draw it.
pub(super) fn chart_ui(
    ui: &mut egui::Ui,
    chart: ChartId,
    state: &ChartsState,
    kpis: &Kpis,
    calendar: Option<&MonthCalendar>,
    loc: Locale,
) {
    let lang = loc.lang;
    match chart {
        ChartId::Revenue => revenue_by_month_ui(ui, kpis, loc),
        ChartId::Days => month_days_ui(ui, kpis, calendar, loc),
        ChartId::Weeks => month_weeks_ui(ui, kpis, calendar, loc),
        ChartId::Funnel => funnel_ui(ui, kpis, state.channel.as_deref(), lang),
        ChartId::ChannelMoney => channel_money_ui(ui, kpis, state.sort, loc),
        ChartId::ChannelCost => channel_cost_ui(ui, kpis, state.sort, loc),
        ChartId::ChannelRomi => channel_romi_ui(ui, kpis, state.sort, loc),
        ChartId::DirRevenue => direction_revenue_ui(ui, kpis, loc),
        ChartId::DirLtv => direction_ltv_ui(ui, kpis, loc),
        ChartId::DirLtvCac => direction_ltv_cac_ui(ui, kpis, loc),
        ChartId::Waterfall => gap_waterfall_ui(ui, kpis, state.gap_month, loc),
        ChartId::Doctors => doctors_ui(ui, kpis, lang),
        ChartId::Treatment => treatment_plan_ui(ui, kpis, lang),
        ChartId::Nps => nps_ui(ui, kpis, state.nps_direction.as_deref(), lang),
        ChartId::NpsGroups => nps_groups_ui(ui, kpis, state.nps_direction.as_deref(), lang),
    }
}

/// Writes a picker's label (before its combo, as the filter bar does) and returns the id that
/// names the combo for screen readers and tests.
pub(super) fn picker_label(ui: &mut egui::Ui, text: &str) -> egui::Id {
    ui.label(text).id
}

/// The pickers of the current tab: the funnel's channel, the sort key, the gap month, the NPS
/// direction. Picks that the filters made disappear fall back to "all" / the latest.
pub(super) fn pickers_ui(ui: &mut egui::Ui, state: &mut ChartsState, kpis: &Kpis, lang: Lang) {
    match state.tab {
        ChartTab::Funnel => {
            if state.channel.as_ref().is_some_and(|c| !kpis.channels.iter().any(|k| &k.channel == c)) {
                state.channel = None;
            }
            let shown = state.channel.clone().unwrap_or_else(|| tr(lang, K::ChartWholeClinic).to_string());
            let label = picker_label(ui, tr(lang, K::PickChannel));
            egui::ComboBox::from_id_salt(label)
                .selected_text(shown)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut state.channel, None, tr(lang, K::ChartWholeClinic));
                    for c in &kpis.channels {
                        ui.selectable_value(&mut state.channel, Some(c.channel.clone()), &c.channel);
                    }
                })
                .response
                .labelled_by(label);
        }
        ChartTab::Channels => {
            let label = picker_label(ui, tr(lang, K::SortBy));
            egui::ComboBox::from_id_salt(label)
                .selected_text(state.sort.label(lang))
                .show_ui(ui, |ui| {
                    for s in ChannelSort::ALL {
                        ui.selectable_value(&mut state.sort, s, s.label(lang));
                    }
                })
                .response
                .labelled_by(label);
        }
        ChartTab::Directions => {
            if state.gap_month.is_some_and(|m| !kpis.gaps.iter().any(|g| g.month == m)) {
                state.gap_month = None;
            }
            if let Some(latest) = default_gap(kpis) {
                let shown = month_label(state.gap_month.unwrap_or(latest.month), lang);
                let label = picker_label(ui, tr(lang, K::Month));
                egui::ComboBox::from_id_salt(label)
                    .selected_text(shown)
                    .show_ui(ui, |ui| {
                        for g in kpis.gaps.iter().rev() {
                            ui.selectable_value(&mut state.gap_month, Some(g.month), month_label(g.month, lang));
                        }
                    })
                    .response
                    .labelled_by(label);
            }
        }
        ChartTab::Nps => {
            let mut dirs: Vec<&str> = Vec::new();
            for d in kpis.nps.iter().filter_map(|r| r.direction.as_deref()) {
                if !dirs.contains(&d) {
                    dirs.push(d);
                }
            }
            if state.nps_direction.as_deref().is_some_and(|d| !dirs.contains(&d)) {
                state.nps_direction = None;
            }
            let shown = state.nps_direction.clone().unwrap_or_else(|| tr(lang, K::AllDirections).to_string());
            let label = picker_label(ui, tr(lang, K::PickDirection));
            egui::ComboBox::from_id_salt(label)
                .selected_text(shown)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut state.nps_direction, None, tr(lang, K::AllDirections));
                    for d in dirs {
                        ui.selectable_value(&mut state.nps_direction, Some(d.to_string()), d);
                    }
                })
                .response
                .labelled_by(label);
        }
        ChartTab::Revenue | ChartTab::Month | ChartTab::Doctors => {}
    }
}

/// The Dashboard's part: the pace panel, then revenue by month and the month in progress side by
/// side as two small charts (`height` points high).
pub fn dashboard_charts_ui(ui: &mut egui::Ui, kpis: &Kpis, calendar: Option<&MonthCalendar>, loc: Locale, height: f32) {
    pace::pace_ui(ui, kpis.progress.as_ref(), calendar, loc);
    ui.add_space(6.0);
    ui.columns(2, |cols| {
        let w = cols[0].available_width();
        cols[0].allocate_ui(egui::vec2(w, height), |ui| revenue_by_month_sized(ui, kpis, loc, height));
        let w = cols[1].available_width();
        cols[1].allocate_ui(egui::vec2(w, height), |ui| month_days_sized(ui, kpis, calendar, loc, height));
    });
}

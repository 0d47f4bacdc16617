"""The peer of `medfunnel kpi --calls …`: the pandas script a consultant would write to turn a call journal
into the Calls sheet (domain.md, "Calls: the phone before the lead"). Reads the journal, normalises the
patient's phone (the caller of an incoming call, the callee of an outgoing one), folds one caller's incoming
calls on one day into a contact, classifies the missed contacts by what followed within 24 hours
(merge_asof), and sums contacts, answered, lost, callbacks, calls_in, wait and talk by month, channel and
employee, then the months' rates.

python3 benches/peer/calls.py CALLS.csv
"""
import sys
import time

import numpy as np
import pandas as pd

ANSWERED = ["принят", "принятый", "отвечен", "успешный", "answered", "answer"]
MISSED = ["пропущен", "пропущенный", "потерян", "потерянный", "не принят", "нет ответа", "занято",
          "no answer", "missed", "busy", "voicemail", "noanswer"]
INCOMING = ["входящий", "входящий звонок", "in", "incoming"]
OUTGOING = ["исходящий", "исходящий звонок", "out", "outgoing"]
STATUS = {**{w: True for w in ANSWERED}, **{w: False for w in MISSED}}
KIND = {**{w: True for w in INCOMING}, **{w: False for w in OUTGOING}}
DAY = pd.Timedelta(hours=24)
MINUTES_20 = pd.Timedelta(minutes=20)


def digits(phones):
    """Phones to 11 digits starting with 7 (8… and bare 10-digit numbers are the same phone); fewer than
    10 digits is no phone at all."""
    d = phones.fillna("").str.replace(r"\D", "", regex=True)
    d = d.where(d.str.len() != 10, "7" + d)
    d = d.where(~((d.str.len() == 11) & d.str.startswith("8")), "7" + d.str[1:])
    return d.where(d.str.len() >= 10)


def seconds(texts):
    """`H:MM:SS`, `MM:SS` or plain seconds to seconds; a blank cell is 0."""
    # to_timedelta and to_numeric skip the spaces around a value themselves.
    t = texts.fillna("")
    colons = t.str.count(":")
    t = t.where(colons != 1, "0:" + t)
    hms = pd.to_timedelta(t.where(colons > 0), errors="coerce").dt.total_seconds()
    return hms.fillna(pd.to_numeric(t.where(colons == 0), errors="coerce")).fillna(0.0)


def words(texts, table):
    """A whole-value word (trimmed, any case) looked up in `table`; anything else is NaN."""
    return texts.fillna("").str.strip().str.lower().map(table)


def calls_sheet(path):
    """The Calls rows of a journal (month × channel × employee) and the number of rows left out."""
    calls = pd.read_csv(path, sep=";", dtype=str)
    calls["started"] = pd.to_datetime(calls["Дата и время"], format="%d.%m.%Y %H:%M:%S", errors="coerce")
    calls["incoming"] = words(calls["Тип"], KIND).where(calls["Тип"].fillna("").str.strip() != "", True)
    calls["answered"] = words(calls["Статус"], STATUS)
    # An unreadable start, type or status is an error for its row: the row is left out.
    bad = calls["started"].isna() | calls["incoming"].isna() | calls["answered"].isna()
    calls = calls[~bad].astype({"incoming": bool, "answered": bool})
    patient = calls["Номер клиента"].where(calls["incoming"], calls["Кому звонили"])
    calls["phone"] = digits(patient)
    calls["wait"] = seconds(calls["Ожидание"])
    calls["talk"] = seconds(calls["Длительность"])
    calls["employee"] = calls["Сотрудник"].fillna("").str.strip()
    calls["channel"] = calls["Источник"].fillna("").str.strip()
    # Time order, the file's order for equal starts.
    calls = calls.sort_values("started", kind="stable")
    calls["day"] = calls["started"].dt.normalize()
    calls["month"] = calls["started"].dt.to_period("M")

    # A contact: one caller's incoming calls on one day; its channel and time are its first call's.
    incoming = calls[calls["incoming"] & calls["phone"].notna()].copy()
    by_contact = incoming.groupby(["phone", "day"], sort=False)
    contacts = by_contact.agg(
        time=("started", "first"), channel=("channel", "first"), month=("month", "first"),
        answered=("answered", "any"), calls_in=("started", "size"),
    )
    first_answered = incoming[incoming["answered"]].groupby(["phone", "day"], sort=False)["employee"].first()
    contacts["employee"] = first_answered.reindex(contacts.index).fillna("")
    contacts = contacts.reset_index()

    # A missed contact ends as callback_20m / callback when an answered outgoing call to the phone started
    # within 20 minutes / 24 hours at or after it, else recalled when the phone's answered incoming call on
    # a later day started within 24 hours, else lost.
    missed = contacts[~contacts["answered"]].rename_axis("contact").reset_index().sort_values("time")
    out = calls[~calls["incoming"] & calls["answered"] & calls["phone"].notna()]
    out = out[["phone", "started"]].rename(columns={"started": "out_at"})
    missed = pd.merge_asof(missed, out, left_on="time", right_on="out_at", by="phone",
                           direction="forward", tolerance=DAY)
    missed["next_day"] = missed["day"] + pd.Timedelta(days=1)
    again = incoming[incoming["answered"]][["phone", "started"]].rename(columns={"started": "in_at"})
    missed = pd.merge_asof(missed.sort_values("next_day"), again, left_on="next_day", right_on="in_at",
                           by="phone", direction="forward", tolerance=DAY)
    gap_out = missed["out_at"] - missed["time"]
    gap_in = missed["in_at"] - missed["time"]
    contacts["outcome"] = "answered"
    contacts.loc[missed["contact"], "outcome"] = np.select(
        [gap_out <= MINUTES_20, gap_out <= DAY, gap_in <= DAY], ["callback_20m", "callback", "recalled"], "lost"
    )
    for outcome in ["lost", "callback_20m", "callback", "recalled"]:
        contacts[outcome] = contacts["outcome"] == outcome

    keys = ["month", "channel", "employee"]
    rows = contacts.groupby(keys).agg(
        contacts=("time", "size"), answered=("answered", "sum"), lost=("lost", "sum"),
        callbacks_20m=("callback_20m", "sum"), callbacks=("callback", "sum"), recalled=("recalled", "sum"),
        calls_in=("calls_in", "sum"),
    )
    # Waits and talk of the contacts' answered incoming calls, under the contact's channel and the call's
    # own employee (a contact's calls share its day, so its month).
    incoming["contact_channel"] = by_contact["channel"].transform("first")
    answered_in = incoming[incoming["answered"]]
    talk = answered_in.groupby(["month", "contact_channel", "employee"])[["wait", "talk"]].sum()
    talk.index.names = keys
    # Incoming calls without a phone count in calls_in only (blank employee), within the contacts' months.
    months = contacts["month"]
    nobody = calls[calls["incoming"] & calls["phone"].isna()]
    nobody = nobody[(nobody["month"] >= months.min()) & (nobody["month"] <= months.max())]
    nobody = nobody.assign(employee="").groupby(keys).size().rename("calls_in").to_frame()
    sheet = pd.concat([rows, talk, nobody]).groupby(level=keys).sum()
    return sheet, int(bad.sum())


def by_month(sheet):
    """The months' call figures as the JSON has them (undefined ratios are NaN here, null there)."""
    m = sheet.groupby(level="month").sum()
    missed = m["contacts"] - m["answered"]
    m["answer_rate"] = m["answered"] / m["contacts"]
    m["lost_rate"] = m["lost"] / m["contacts"]
    m["callback_20m_rate"] = m["callbacks_20m"] / missed.where(missed > 0)
    m["avg_wait"] = m["wait"] / m["answered"].where(m["answered"] > 0)
    return m


def main():
    start = time.perf_counter()
    sheet, left_out = calls_sheet(sys.argv[1])
    months = by_month(sheet)
    t = months.sum()
    print(f"{len(sheet)} Calls rows over {len(months)} months, {left_out} rows left out", file=sys.stderr)
    print(f"contacts {t['contacts']:.0f}, answered {t['answered']:.0f}, lost {t['lost']:.0f}, "
          f"callbacks_20m {t['callbacks_20m']:.0f}, callbacks {t['callbacks']:.0f}, recalled {t['recalled']:.0f}, "
          f"calls_in {t['calls_in']:.0f}, avg_wait {t['wait'] / t['answered']:.3f} s", file=sys.stderr)
    print(f"pandas calls: {time.perf_counter() - start:.2f} s", file=sys.stderr)


if __name__ == "__main__":
    main()

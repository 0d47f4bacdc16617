"""The peer of `medfunnel kpi --leads … --visits …`: the pandas script a consultant would write for the
same join. Reads both exports, normalises phones, drops a phone's repeat leads within 30 days of its
counted one, attributes each visit to the phone's latest lead at most 30 days before it (merge_asof),
and sums leads, visits, paying visits and revenue by month and channel.

python3 benches/peer/join.py LEADS.csv VISITS.csv
"""
import sys
import time

import pandas as pd

DAYS = pd.Timedelta(days=30)


def digits(phones):
    """Phones to 11 digits starting with 7 (8… and bare 10-digit numbers are the same phone)."""
    d = phones.fillna("").str.replace(r"\D", "", regex=True)
    d = d.where(d.str.len() != 10, "7" + d)
    return d.where(~((d.str.len() == 11) & d.str.startswith("8")), "7" + d.str[1:])


def main():
    start = time.perf_counter()
    leads = pd.read_csv(sys.argv[1], sep=";", dtype=str)
    visits = pd.read_csv(sys.argv[2], sep=";", dtype=str)

    leads["created"] = pd.to_datetime(leads["Дата создания"], format="%d.%m.%Y %H:%M")
    leads["phone"] = digits(leads["Телефон"])
    leads = leads.sort_values("created")
    # A repeat within 30 days of the phone's previous lead is not a new lead (the previous one is
    # counted or itself a repeat: the consultant's usual approximation of "the last counted one").
    gap = leads.groupby("phone")["created"].diff()
    leads = leads[gap.isna() | (gap > DAYS)]

    visits["date"] = pd.to_datetime(visits["Дата приёма"], format="%d.%m.%Y")
    visits["phone"] = digits(visits["Телефон"])
    amount = visits["Сумма"].fillna("").str.replace(r"[^\d,]", "", regex=True).str.replace(",", ".")
    visits["amount"] = pd.to_numeric(amount, errors="coerce").fillna(0.0)
    visits = visits.sort_values("date")

    lead_side = leads[["created", "phone", "Источник"]].rename(columns={"Источник": "channel"})
    joined = pd.merge_asof(
        visits, lead_side, left_on="date", right_on="created", by="phone", tolerance=DAYS, direction="backward"
    )
    joined = joined[joined["channel"].notna()]
    joined["month"] = joined["created"].dt.to_period("M")
    joined["paid"] = joined["amount"] > 0
    by_visits = joined.groupby(["month", "channel"]).agg(
        visits=("phone", "size"), paid=("paid", "sum"), revenue=("amount", "sum")
    )
    leads["month"] = leads["created"].dt.to_period("M")
    by_leads = leads.groupby(["month", "Источник"]).size().rename("leads")
    by_leads.index.names = ["month", "channel"]
    table = by_visits.join(by_leads, how="outer").fillna(0)
    print(f"{len(table)} month×channel rows, {table['revenue'].sum():.2f} revenue", file=sys.stderr)
    print(f"pandas join: {time.perf_counter() - start:.2f} s", file=sys.stderr)


if __name__ == "__main__":
    main()

"""Writes the raw exports the side-by-side join is measured on: a 1,000,000-row MIS visits CSV and a
333,000-row CRM leads CSV in the layout of benches/raw_import.rs (UTF-8, `;`, patient names, phones in
four spellings, amounts as `1 234,00 ₽` text or empty).

python3 benches/peer/make_inputs.py OUT_DIR [VISITS] [LEADS]
"""
import datetime
import os
import sys

DIRS = ["Стоматология", "Гинекология", "УЗИ", "Неврология", "Косметология"]
SOURCES = ["yandex", "Яндекс.Директ", "google", "2gis", "Сарафан", "instagram"]
PATIENTS = 300_000


def phone(i, style):
    d = str(9_160_000_000 + i * 7)
    s = style % 4
    if s == 0:
        return f"+7 ({d[:3]}) {d[3:6]}-{d[6:8]}-{d[8:]}"
    if s == 1:
        return f"8 {d[:3]} {d[3:6]} {d[6:8]} {d[8:]}"
    return d if s == 2 else "7" + d


def main():
    out = sys.argv[1]
    n_visits = int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000
    n_leads = int(sys.argv[3]) if len(sys.argv) > 3 else 333_000
    os.makedirs(out, exist_ok=True)
    first = datetime.date(2022, 1, 1)
    with open(os.path.join(out, "visits.csv"), "w", encoding="utf-8") as f:
        f.write("Дата приёма;Пациент;Телефон;Отделение;Врач;Сумма\n")
        for i in range(n_visits):
            day = first + datetime.timedelta(days=i * 1095 // n_visits)
            p = (i * 7919) % PATIENTS
            amount = "" if i % 5 == 0 else f"{1 + i % 9} {i % 1000:03},00 ₽"
            f.write(f'{day:%d.%m.%Y};"Пациент {p}";{phone(p, i)};{DIRS[p % 5]};Врач {i % 30};{amount}\n')
    first = datetime.date(2021, 12, 20)
    with open(os.path.join(out, "leads.csv"), "w", encoding="utf-8") as f:
        f.write("Дата создания;ФИО;Телефон;Источник;Статус;Направление\n")
        for i in range(n_leads):
            day = first + datetime.timedelta(days=i * 1095 // n_leads)
            p = (i * 104_729) % PATIENTS
            status = "Записан" if i % 3 == 0 else "Новый"
            f.write(f"{day:%d.%m.%Y} {8 + i % 10:02}:{i % 60:02};Клиент {p};{phone(p, i + 1)};{SOURCES[i % 6]};{status};\n")


if __name__ == "__main__":
    main()

"""Writes the call journal the side-by-side calls peer is measured on: 1,000,000 calls (128 MB) over two
years from 2024-01-01, UTF-8 with `;` and the Russian headers of an IP-telephony export (Дата и время; Тип;
Номер клиента; Кому звонили; Статус; Ожидание; Длительность; Сотрудник; Источник), 300,000 patients'
phones as `+7 (916) …`, one call in nine outgoing (the clinic's number calls the patient), one in five
missed, waits and talk as `H:MM:SS`, a blank source in one in five. A phone comes back only every 300,000
calls (about 7 months), so every incoming call is a contact of its own and no missed contact is called back.

python3 benches/peer/make_calls.py [OUT.csv]        (default /tmp/calls_inputs/calls.csv)
"""
import sys
import datetime
rows=1_000_000; P=300_000
S=["yandex","Яндекс.Директ","site","","Сарафан"]
first=datetime.date(2024,1,1)
out=["Дата и время;Тип;Номер клиента;Кому звонили;Статус;Ожидание;Длительность;Сотрудник;Источник\n"]
for i in range(rows):
    day=first+datetime.timedelta(days=i*730//rows)
    secs=8*3600+(i*7%43200)
    p=(i*104729)%P
    phone="+7 (916) %03d-%02d-%02d"%(p//10000%1000,p//100%100,p%100)
    outgoing=i%9==0; answered=i%5!=0
    if outgoing: caller,callee,kind="+7 (495) 000-00-00",phone,"Исходящий"
    else: caller,callee,kind=phone,"+7 (495) 000-00-00","Входящий"
    out.append("%s %02d:%02d:%02d;%s;%s;%s;%s;0:00:%02d;0:%02d:%02d;%s;%s\n"%(day.strftime("%d.%m.%Y"),secs//3600,secs//60%60,secs%60,kind,caller,callee,"Принят" if answered else "Пропущен",i%60,i%10,i%60,["Иванова","Смирнова","Козлова"][i%3] if answered else "",S[i%5]))
open(sys.argv[1] if len(sys.argv) > 1 else "/tmp/calls_inputs/calls.csv","w").write("".join(out))

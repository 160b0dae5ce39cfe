"""Common first names in their base form, for recognising people and putting names in the nominative.

Ukrainian and Russian names decline by regular rules (see
:mod:`broadsheet.analysis.names`); those whose oblique forms do not follow
the rules give their genitive, dative and instrumental here. Foreign names
that stay the same in every case (Ентоні, Джо) are listed apart. Latin
script names never decline.
"""

from __future__ import annotations

MASCULINE_UK = """
Олександр Олексій Андрій Анатолій Антон Арсен Арсеній Артем Артур Аркадій Богдан Борис Вадим Валентин
Валерій Василь Віктор Віталій Владислав Володимир В'ячеслав Всеволод Гліб Геннадій Георгій Григорій
Давид Данило Денис Дмитро Едуард Євген Єгор Захар Зіновій Іван Ігор Ілля Кирило Костянтин Левко
Леонід Любомир Максим Марко Матвій Михайло Микола Мирослав Назар Олег Олесь Орест Остап Павло Петро
Роман Ростислав Руслан Святослав Семен Сергій Станіслав Степан Тарас Тимофій Тимур Федір Юліан Юрій
Яків Ярослав Олександер Вячеслав
"""
"""Ukrainian masculine first names."""

MASCULINE_RU = """
Александр Алексей Андрей Анатолий Аркадий Артём Василий Виктор Виталий Владимир Геннадий Георгий Глеб
Григорий Даниил Дмитрий Евгений Егор Иван Игорь Илья Кирилл Константин Лев Леонид Матвей Михаил Никита
Николай Павел Пётр Петр Рамзан Семён Сергей Станислав Тимофей Фёдор Федор Юрий Яков Эдуард
"""
"""Russian masculine first names (those spelt the same in Ukrainian are listed there)."""

MASCULINE_FOREIGN = """
Джон Джозеф Дональд Барак Білл Билл Майк Майкл Джеймс Річард Ричард Роберт Вільям Уильям Девід Дэвид
Пітер Питер Марк Томас Джейк Ллойд Кір Кир Єнс Йенс Олаф Емманюель Эммануэль Реджеп Ентоні Энтони Джо
Ріші Риши Джастін Джастин Чарльз Біньямін Биньямин Емануель Ілон Илон Хав'єр Хавьер Метью Мэттью Ніколя
Николя Ян Карл Франк Франц Пол Річі Стів Стив Тед Мітч Митч Ліндсі Линдси Тоні Тони Хуан
"""
"""Foreign masculine first names in Cyrillic (Ukrainian and Russian spellings)."""

FEMININE_UK = """
Олена Ольга Ірина Наталія Наталя Тетяна Юлія Марія Анна Ганна Оксана Світлана Людмила Галина Валентина
Катерина Вікторія Анастасія Христина Софія Дарія Дар'я Алла Інна Лариса Леся Ліна Надія Віра Лілія
Мар'яна Марина Іванна Зоряна Уляна Яна Поліна Альона Аліна Єлизавета Вероніка Зоя Олександра Антоніна
Євгенія Кіра Маргарита Раїса Ніна Тамара Жанна Діана Кристина Богдана Соломія Ярослава Мирослава
Стефанія Емілія Наталка Ірена
"""
"""Ukrainian feminine first names."""

FEMININE_RU = """
Елена Ирина Наталья Наталия Татьяна Юлия Мария Светлана Екатерина Виктория Анастасия Кристина София
Софья Дарья Надежда Вера Лилия Полина Алёна Алена Алина Елизавета Вероника Александра Антонина
Евгения Раиса Нина Ксения Валерия Майя Эльвира Элла Людмила Галина Валентина Марина Оксана Тамара
"""
"""Russian feminine first names."""

FEMININE_FOREIGN = """
Ангела Урсула Камала Мелоні Мелони Анналена Кая Каролін Джорджа Джорджія Джорджия Гілларі Хиллари
Ніккі Никки Джилл Ліз Лиз Нікі
"""
"""Foreign feminine first names in Cyrillic."""

INDECLINABLE = """
Ентоні Энтони Джо Ріші Риші Риши Річі Ліндсі Линдси Мелоні Мелони Гілларі Хиллари Ніккі Никки Кая Джилл Ліз Лиз
Каролін Нікі Тоні Тони Хуан
"""
"""Names that keep one form in every case (foreign names ending in a vowel other than -а/-я)."""

_FEMININE_INDECLINABLE_WORDS = "Гілларі Хиллари Ніккі Никки Кая Джилл Ліз Лиз Мелоні Мелони Каролін Нікі"
FEMININE_INDECLINABLE = frozenset(_FEMININE_INDECLINABLE_WORDS.split())
"""The feminine names among :data:`INDECLINABLE`."""

IRREGULAR: dict[str, tuple[str, ...]] = {
    # nominative: oblique forms (genitive, dative, instrumental, in that order; variants after)
    "Ігор": ("Ігоря", "Ігорю", "Ігорем", "Ігореві"),
    "Игорь": ("Игоря", "Игорю", "Игорем"),
    "Павел": ("Павла", "Павлу", "Павлом"),
    "Пётр": ("Петра", "Петру", "Петром"),
    "Петр": ("Петра", "Петру", "Петром"),
    "Лев": ("Льва", "Льву", "Львом", "Лева", "Леву", "Левом"),
    "Федір": ("Федора", "Федору", "Федором", "Федорові"),
    "Яків": ("Якова", "Якову", "Яковом", "Якові"),
    "Ілля": ("Іллі", "Іллі", "Іллею"),
    "Илья": ("Ильи", "Илье", "Ильёй", "Ильей"),
    "Ольга": ("Ольги", "Ользі", "Ольгою", "Ольге", "Ольгой"),
    "Кір": ("Кіра", "Кіру", "Кіром"),
}
"""Names whose oblique forms the rules would get wrong."""

LATIN = """
Antony Anthony John Joe Joseph Donald Barack Bill Hillary Kamala Mike Michael James Richard Robert William
David Peter Paul Mark Thomas Frank Jake Lloyd Keir Jens Olaf Emmanuel Rishi Boris Angela Ursula Volodymyr
Vladimir Sergei Sergey Dmitry Dmytro Oleksandr Olena Yulia Maria Mary Elizabeth Jennifer Sarah Susan Karen
Nancy Lisa Emily Anna Kate Catherine Jill Liz George Charles Christopher Daniel Matthew Andrew Steven
Stephen Kevin Brian Jeffrey Ronald Timothy Jason Ryan Jacob Gary Nicholas Eric Jonathan Larry Justin Scott
Benjamin Samuel Gregory Alexander Raymond Patrick Jack Dennis Jerry Tyler Aaron Jose Adam Henry Nathan
Douglas Kyle Walter Ethan Jeremy Harold Keith Christian Roger Noah Gerald Carl Terry Sean Arthur Lawrence
Jesse Dylan Bryan Jordan Bruce Albert Gabriel Alan Juan Wayne Roy Ralph Eugene Vincent Russell Louis Philip
Antonio Linda Patricia Barbara Jessica Margaret Betty Sandra Ashley Kimberly Donna Michelle Carol Amanda
Melissa Deborah Stephanie Rebecca Sharon Laura Cynthia Amy Helen Brenda Pamela Nicole Emma Samantha
Christine Rachel Janet Olivia Victoria Julia Alice Sophie Marine Giorgia Pedro Recep Nikki Ron Kristi Marco
Lindsey Mitch Chuck Ted Elon Josep Kaja Annalena Oleksiy Oleksii Serhiy Serhii Andriy Andrii Yuriy Yurii
Olaf Friedrich Ivan Igor Taras Petro Pavlo Mykola Mykhailo Viktor Vitali Vitaliy Valeriy Denys Ruslan Yevhen
Iryna Oksana Tetiana Natalia Svetlana Yulia Olga Kaja Mette Sanna Giorgia Pedro Javier Jean Francois Olivier
"""
"""First names written in Latin script (English text)."""

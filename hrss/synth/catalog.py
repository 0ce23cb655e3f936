"""Medical catalogue: ICD-10 diagnoses, billable items, designated institutions.

Item codes imitate the shapes of the national medical-insurance catalogues
(drugs ``X…``, services 9 digits, materials ``C…``); they are illustrative.
Restricted items carry the ``restriction`` column of ``claim_items.csv``.
"""

from __future__ import annotations

from dataclasses import dataclass

from hrss.synth.geo import Geography


@dataclass(frozen=True, slots=True)
class Item:
    """A billable item of the catalogue."""

    code: str
    name: str
    kind: str  # drug | service | material
    price: int  # fen per unit
    restriction: str = ""
    pack_days: int = 0  # drugs: days one unit lasts; 1 = a daily injection
    per_day: bool = False  # services billed once per inpatient day
    product: int = 0  # drugs: 6-digit product id inside trace codes


def _drug(code: str, name: str, price: int, pack: int, product: int, restriction: str = "") -> Item:
    return Item(code, name, "drug", price, restriction, pack, False, product)


def _svc(code: str, name: str, price: int, restriction: str = "", per_day: bool = False) -> Item:
    return Item(code, name, "service", price, restriction, 0, per_day)


ITEMS: dict[str, Item] = {
    "nifedipine": _drug("XC08CAN078A001010101", "硝苯地平缓释片(Ⅱ)", 1580, 30, 100101),
    "metformin": _drug("XA10BAE009A001010101", "盐酸二甲双胍片", 1260, 30, 100102),
    "atorvastatin": _drug("XC10AAA067A001010101", "阿托伐他汀钙片", 2480, 14, 100103),
    "amoxicillin": _drug("XJ01CAA040A001010101", "阿莫西林胶囊", 980, 5, 100104),
    "omeprazole": _drug("XA02BCA211A001010101", "奥美拉唑肠溶胶囊", 1560, 7, 100105),
    "ibuprofen": _drug("XM01AEB058A001010101", "布洛芬缓释胶囊", 1230, 5, 100106),
    "cefuroxime": _drug("XJ01DCT128A001010101", "头孢呋辛酯片", 2650, 6, 100107),
    "ambroxol": _drug("XR05CBA046X001010101", "盐酸氨溴索口服溶液", 1870, 7, 100108),
    "aspirin": _drug("XB01ACA056A001010101", "阿司匹林肠溶片", 1520, 30, 100109),
    "valsartan": _drug("XC09CAL082A001010101", "缬沙坦胶囊", 2890, 14, 100110),
    "paracetamol": _drug("XN02BEL010A001010101", "对乙酰氨基酚片", 560, 5, 100111),
    "ceftriaxone": _drug("XJ01DDT132B002010101", "注射用头孢曲松钠", 1250, 1, 100112),
    "saline": _drug("XB05BBL104B001010101", "氯化钠注射液", 380, 1, 100113),
    "nadroparin": _drug("XB01ABD060B001010101", "低分子量肝素钙注射液", 4200, 1, 100114),
    "tamsulosin": _drug(
        "XG04CAT025A001010101", "盐酸坦索罗辛缓释胶囊", 3980, 10, 100115, "male_only"
    ),
    "finasteride": _drug("XG04CBF036A001010101", "非那雄胺片", 4560, 10, 100116, "male_only"),
    "nifuratel": _drug(
        "XG01AXX005E001010101", "硝呋太尔制霉素阴道软胶囊", 3680, 6, 100117, "female_only"
    ),
    "kids_cold": _drug("XR05XAA010N001010101", "小儿氨酚黄那敏颗粒", 1280, 5, 100118, "child_only"),
    "oxytocin": _drug("XH01BBS020B001010101", "缩宫素注射液", 350, 1, 100119, "maternity_only"),
    "egf_gel": _drug(
        "XD03AXR028E001010101", "外用重组人表皮生长因子", 5680, 10, 100120, "work_injury_only"
    ),
    "consult": _svc("110200001", "普通门诊诊查费", 1000),
    "blood": _svc("250101015", "血常规", 2500),
    "xray": _svc("210102015", "胸部正位X线摄影", 5500),
    "hba1c": _svc("250307009", "糖化血红蛋白测定", 6000),
    "ct": _svc("210300001", "X线计算机体层(CT)平扫", 25000),
    "bed": _svc("110900001", "床位费", 3800, per_day=True),
    "nursing": _svc("120100002", "二级护理", 2500, per_day=True),
    "infusion": _svc("120400001", "静脉输液", 1200, per_day=True),
    "appendectomy": _svc("331005014", "阑尾切除术", 120000),
    "cholecystectomy": _svc("331006009", "腹腔镜胆囊切除术", 250000),
    "hip_fixation": _svc("331501007", "股骨颈骨折闭合复位内固定术", 380000),
    "psa": _svc("250402009", "前列腺特异性抗原测定", 6000, "male_only"),
    "cervical": _svc("270300004", "宫颈细胞学检查", 8000, "female_only"),
    "delivery": _svc("331201003", "单胎顺产接生", 80000, "maternity_only"),
    "injury_rehab": _svc("340200021", "职业康复评定(工伤)", 15000, "work_injury_only"),
    "infusion_set": Item("C02010101001000", "一次性使用输液器", "material", 850),
    "cannula": Item("C02010201003000", "一次性使用静脉留置针", "material", 2600),
    "trocar": Item("C03020101002000", "一次性腹腔镜穿刺器", "material", 120000),
    "bone_plate": Item("C14010203001000", "锁定接骨板", "material", 680000),
}


@dataclass(frozen=True, slots=True)
class Diagnosis:
    """An ICD-10 diagnosis with who may get it and what it is billed with."""

    code: str
    inpatient: bool
    sex: int  # 0 any, 1 male, 2 female
    ages: tuple[int, int]  # inclusive age range at admission
    drugs: tuple[str, ...]
    services: tuple[str, ...]
    materials: tuple[str, ...] = ()
    chronic: bool = False
    stay: tuple[int, int] = (0, 0)  # length of stay in days


OUTPATIENT = (
    Diagnosis(
        "J06.9",
        False,
        0,
        (14, 120),
        ("paracetamol", "amoxicillin", "ambroxol"),
        ("consult", "blood"),
    ),
    Diagnosis("J06.9", False, 0, (0, 13), ("kids_cold", "ambroxol"), ("consult",)),
    Diagnosis(
        "I10",
        False,
        0,
        (35, 120),
        ("nifedipine", "valsartan", "aspirin"),
        ("consult",),
        chronic=True,
    ),
    Diagnosis(
        "E11.9",
        False,
        0,
        (35, 120),
        ("metformin", "atorvastatin"),
        ("consult", "hba1c"),
        chronic=True,
    ),
    Diagnosis("K29.7", False, 0, (14, 120), ("omeprazole",), ("consult",)),
    Diagnosis("M54.5", False, 0, (18, 120), ("ibuprofen",), ("consult",)),
    Diagnosis("J20.9", False, 0, (14, 120), ("cefuroxime", "ambroxol"), ("consult", "xray")),
    Diagnosis(
        "N40", False, 1, (50, 120), ("tamsulosin", "finasteride"), ("consult", "psa"), chronic=True
    ),
    Diagnosis("N76.0", False, 2, (18, 70), ("nifuratel",), ("consult", "cervical")),
)
INPATIENT = (
    Diagnosis(
        "J18.9",
        True,
        0,
        (0, 120),
        ("ceftriaxone", "saline", "ambroxol"),
        ("bed", "nursing", "infusion", "blood", "xray"),
        ("infusion_set", "cannula"),
        stay=(5, 12),
    ),
    Diagnosis(
        "I63.9",
        True,
        0,
        (45, 120),
        ("aspirin", "atorvastatin", "nadroparin", "saline"),
        ("bed", "nursing", "infusion", "ct"),
        ("infusion_set",),
        stay=(7, 14),
    ),
    Diagnosis(
        "I25.1",
        True,
        0,
        (45, 120),
        ("aspirin", "atorvastatin", "nifedipine"),
        ("bed", "nursing", "blood"),
        stay=(5, 10),
    ),
    Diagnosis(
        "K35.8",
        True,
        0,
        (10, 120),
        ("ceftriaxone", "saline"),
        ("bed", "nursing", "appendectomy", "blood"),
        ("infusion_set", "trocar"),
        stay=(4, 7),
    ),
    Diagnosis(
        "K80.2",
        True,
        0,
        (30, 120),
        ("ceftriaxone", "saline"),
        ("bed", "nursing", "cholecystectomy"),
        ("trocar",),
        stay=(5, 8),
    ),
    Diagnosis(
        "S72.0",
        True,
        0,
        (60, 120),
        ("nadroparin", "saline"),
        ("bed", "nursing", "hip_fixation", "xray"),
        ("bone_plate",),
        stay=(10, 15),
    ),
)
DELIVERY = Diagnosis(
    "O80",
    True,
    2,
    (20, 40),
    ("oxytocin", "saline"),
    ("bed", "nursing", "delivery"),
    ("infusion_set",),
    stay=(2, 4),
)


def eligible(options: tuple[Diagnosis, ...], gender: int, age: int) -> list[Diagnosis]:
    """Diagnoses whose sex and age range fit the patient."""
    return [d for d in options if d.sex in (0, gender) and d.ages[0] <= age <= d.ages[1]]


@dataclass(frozen=True, slots=True)
class Institutions:
    """Designated institution codes (``H`` + county code + 5 digits) per unit."""

    hospitals: dict[str, tuple[tuple[str, str], ...]]  # pref → ((code, region), ...)
    clinics: dict[str, tuple[tuple[str, str], ...]]


def build_institutions(geo: Geography) -> Institutions:
    """Two hospitals per county and one community clinic, for every unit."""
    hospitals: dict[str, tuple[tuple[str, str], ...]] = {}
    clinics: dict[str, tuple[tuple[str, str], ...]] = {}
    for pref in geo.prefectures:
        hospitals[pref.code] = tuple(
            (f"H{county}{n:05d}", county) for county in pref.counties for n in (1, 2)
        )
        clinics[pref.code] = tuple(
            (f"H{county}{n:05d}", county) for county in pref.counties for n in (101,)
        )
    return Institutions(hospitals, clinics)

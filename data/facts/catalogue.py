"""Product lines and the product catalogue: model numbers, prices, weights and key specs."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Line:
    name: str
    category: str
    warranty_months: int
    kind: str  # plain-English product type


LINES = {
    "TrailBeam": Line("TrailBeam", "Lighting", 12, "headlamps"),
    "GlowLantern": Line("GlowLantern", "Lighting", 12, "camp lanterns"),
    "SummitCharge": Line("SummitCharge", "Portable Power", 24, "power banks"),
    "BaseCamp": Line("BaseCamp", "Portable Power", 36, "portable power stations"),
    "SolarFold": Line("SolarFold", "Solar", 24, "folding solar panels"),
    "RidgeSound": Line("RidgeSound", "Audio", 12, "Bluetooth speakers"),
    "TrailView": Line("TrailView", "Navigation", 24, "handheld GPS units"),
    "PeakCam": Line("PeakCam", "Cameras", 12, "action cameras"),
    "Ridgeline": Line("Ridgeline", "Communication", 12, "two-way radios"),
    "Accessories": Line("Accessories", "Accessories", 6, "cables, mounts and bags"),
}


@dataclass(frozen=True)
class Product:
    sku: str
    model: str
    name: str
    line: str
    price: float
    weight_kg: float
    battery: str
    water_rating: str
    key_spec: str
    in_stock: bool = True

    @property
    def warranty_months(self) -> int:
        return LINES[self.line].warranty_months

    @property
    def category(self) -> str:
        return LINES[self.line].category


PRODUCTS = [
    Product(
        "KB-H150",
        "H150",
        "TrailBeam H150",
        "TrailBeam",
        29.99,
        0.07,
        "1,000 mAh",
        "IPX4",
        "150 lumens",
    ),
    Product(
        "KB-H300",
        "H300",
        "TrailBeam H300",
        "TrailBeam",
        49.99,
        0.09,
        "2,000 mAh",
        "IPX6",
        "400 lumens",
    ),
    Product(
        "KB-H500",
        "H500",
        "TrailBeam H500 Pro",
        "TrailBeam",
        79.99,
        0.12,
        "3,200 mAh",
        "IPX7",
        "800 lumens",
    ),
    Product(
        "KL-GL200",
        "GL-200",
        "GlowLantern GL-200",
        "GlowLantern",
        34.99,
        0.30,
        "2,600 mAh",
        "IPX4",
        "200 lumens",
    ),
    Product(
        "KL-GL400",
        "GL-400",
        "GlowLantern GL-400",
        "GlowLantern",
        54.99,
        0.45,
        "5,200 mAh",
        "IPX4",
        "400 lumens, USB-A power-out",
    ),
    Product(
        "KP-PB10",
        "PB-10",
        "SummitCharge PB-10",
        "SummitCharge",
        39.99,
        0.21,
        "10,000 mAh",
        "none",
        "20 W USB-C",
    ),
    Product(
        "KP-PB20",
        "PB-20",
        "SummitCharge PB-20",
        "SummitCharge",
        59.99,
        0.36,
        "20,000 mAh",
        "none",
        "45 W USB-C",
    ),
    Product(
        "KP-PB26",
        "PB-26",
        "SummitCharge PB-26 Solar",
        "SummitCharge",
        74.99,
        0.52,
        "26,800 mAh",
        "IPX4",
        "30 W USB-C, 5 W built-in solar",
    ),
    Product(
        "KP-BC500",
        "BC-500",
        "BaseCamp BC-500",
        "BaseCamp",
        449.00,
        6.1,
        "512 Wh LiFePO4",
        "none",
        "500 W AC output",
    ),
    Product(
        "KP-BC1000",
        "BC-1000",
        "BaseCamp BC-1000",
        "BaseCamp",
        899.00,
        11.4,
        "1,024 Wh LiFePO4",
        "none",
        "1,000 W AC output",
    ),
    Product(
        "KP-BC2000",
        "BC-2000",
        "BaseCamp BC-2000 Pro",
        "BaseCamp",
        1599.00,
        21.8,
        "2,048 Wh LiFePO4",
        "none",
        "2,200 W AC output",
    ),
    Product(
        "KS-SF60", "SF-60", "SolarFold SF-60", "SolarFold", 179.00, 2.4, "none", "IP65", "60 W"
    ),
    Product(
        "KS-SF120", "SF-120", "SolarFold SF-120", "SolarFold", 299.00, 4.9, "none", "IP65", "120 W"
    ),
    Product(
        "KS-SF200", "SF-200", "SolarFold SF-200", "SolarFold", 449.00, 7.6, "none", "IP65", "200 W"
    ),
    Product(
        "KA-RS2",
        "RS-2",
        "RidgeSound RS-2 Mini",
        "RidgeSound",
        49.99,
        0.25,
        "10 hours",
        "IPX5",
        "5 W speaker",
    ),
    Product(
        "KA-RS5",
        "RS-5",
        "RidgeSound RS-5",
        "RidgeSound",
        99.99,
        0.62,
        "20 hours",
        "IP67",
        "16 W speaker",
    ),
    Product(
        "KA-RS8",
        "RS-8",
        "RidgeSound RS-8 Max",
        "RidgeSound",
        179.99,
        1.45,
        "24 hours",
        "IP67",
        "40 W speaker",
    ),
    Product(
        "KN-TV4",
        "TV-4",
        "TrailView TV-4",
        "TrailView",
        199.00,
        0.19,
        "20 hours",
        "IPX7",
        "2.6-inch screen",
    ),
    Product(
        "KN-TV7",
        "TV-7",
        "TrailView TV-7 Pro",
        "TrailView",
        349.00,
        0.24,
        "35 hours",
        "IPX7",
        "3-inch screen, multi-band GPS",
    ),
    Product(
        "KC-PC4K",
        "PC-4K",
        "PeakCam PC-4K",
        "PeakCam",
        249.00,
        0.12,
        "1,720 mAh",
        "10 m waterproof",
        "4K at 60 fps",
    ),
    Product(
        "KC-PC5K",
        "PC-5K",
        "PeakCam PC-5K Pro",
        "PeakCam",
        399.00,
        0.15,
        "1,900 mAh",
        "15 m waterproof",
        "5.3K at 30 fps",
    ),
    Product(
        "KR-RR2",
        "RR-2",
        "Ridgeline RR-2 (pair)",
        "Ridgeline",
        69.99,
        0.40,
        "AA x3 each",
        "IPX4",
        "up to 25 miles range",
    ),
    Product(
        "KR-RR5",
        "RR-5",
        "Ridgeline RR-5 (pair)",
        "Ridgeline",
        119.99,
        0.48,
        "1,500 mAh each",
        "IPX7",
        "up to 36 miles range, NOAA weather alerts",
    ),
    Product(
        "KX-CB1",
        "CB-1",
        "USB-C Cable 1 m",
        "Accessories",
        14.99,
        0.04,
        "none",
        "none",
        "100 W rated",
    ),
    Product(
        "KX-CAR12",
        "CAR-12",
        "12 V Car Charger",
        "Accessories",
        19.99,
        0.06,
        "none",
        "none",
        "2 ports, 36 W",
    ),
    Product(
        "KX-SFEXT",
        "SF-EXT",
        "SolarFold Extension Cable 5 m",
        "Accessories",
        29.99,
        0.35,
        "none",
        "IP65",
        "MC4 connectors",
    ),
    Product(
        "KX-PCMNT",
        "PC-MNT",
        "PeakCam Mount Kit",
        "Accessories",
        29.99,
        0.18,
        "none",
        "none",
        "helmet, chest and bar mounts",
    ),
    Product(
        "KX-BCBAG",
        "BC-BAG",
        "BaseCamp Carry Bag",
        "Accessories",
        39.99,
        0.80,
        "none",
        "water-resistant",
        "fits BC-500 and BC-1000",
    ),
    Product(
        "KX-HBAND",
        "H-BAND",
        "TrailBeam Replacement Headband",
        "Accessories",
        9.99,
        0.02,
        "none",
        "none",
        "fits all TrailBeam models",
        False,
    ),
]
BY_MODEL = {p.model: p for p in PRODUCTS}

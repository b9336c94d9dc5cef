package cso

// The seven geographical regions of Turkey, as drawn by the First
// Geography Congress of 1941.
const (
	RegionMarmara              Region = "marmara"
	RegionAegean               Region = "aegean"
	RegionMediterranean        Region = "mediterranean"
	RegionCentralAnatolia      Region = "central_anatolia"
	RegionBlackSea             Region = "black_sea"
	RegionEasternAnatolia      Region = "eastern_anatolia"
	RegionSoutheasternAnatolia Region = "southeastern_anatolia"
)

// regionLabels names each region in Turkish, English and Arabic.
var regionLabels = map[Region]Text{
	RegionMarmara: {
		"tr": "Marmara Bölgesi", "en": "Marmara Region",
		"ar": "منطقة مرمرة",
	},
	RegionAegean: {
		"tr": "Ege Bölgesi", "en": "Aegean Region",
		"ar": "منطقة بحر إيجة",
	},
	RegionMediterranean: {
		"tr": "Akdeniz Bölgesi", "en": "Mediterranean Region",
		"ar": "منطقة البحر المتوسط",
	},
	RegionCentralAnatolia: {
		"tr": "İç Anadolu Bölgesi", "en": "Central Anatolia Region",
		"ar": "منطقة وسط الأناضول",
	},
	RegionBlackSea: {
		"tr": "Karadeniz Bölgesi", "en": "Black Sea Region",
		"ar": "منطقة البحر الأسود",
	},
	RegionEasternAnatolia: {
		"tr": "Doğu Anadolu Bölgesi", "en": "Eastern Anatolia Region",
		"ar": "منطقة شرق الأناضول",
	},
	RegionSoutheasternAnatolia: {
		"tr": "Güneydoğu Anadolu Bölgesi",
		"en": "Southeastern Anatolia Region",
		"ar": "منطقة جنوب شرق الأناضول",
	},
}

// province is one row of the province table: the plate code, the names in
// Turkish, English and Arabic, a plain ASCII spelling and the region.
type province struct {
	code       int
	tr, en, ar string
	ascii      string
	region     Region
}

// provinceTable lists the 81 provinces in plate-code order. English names
// keep the Turkish letters except where an English form is well known;
// Arabic names follow the usual Arabic spelling, which for several
// provinces is the historical name (ديار بكر, أرضروم, طرابزون).
var provinceTable = [81]province{
	{1, "Adana", "Adana", "أضنة", "Adana", RegionMediterranean},
	{2, "Adıyaman", "Adıyaman", "أديامان", "Adiyaman", RegionSoutheasternAnatolia},
	{3, "Afyonkarahisar", "Afyonkarahisar", "أفيون قره حصار", "Afyonkarahisar", RegionAegean},
	{4, "Ağrı", "Ağrı", "آغري", "Agri", RegionEasternAnatolia},
	{5, "Amasya", "Amasya", "أماسيا", "Amasya", RegionBlackSea},
	{6, "Ankara", "Ankara", "أنقرة", "Ankara", RegionCentralAnatolia},
	{7, "Antalya", "Antalya", "أنطاليا", "Antalya", RegionMediterranean},
	{8, "Artvin", "Artvin", "أرتفين", "Artvin", RegionBlackSea},
	{9, "Aydın", "Aydın", "أيدين", "Aydin", RegionAegean},
	{10, "Balıkesir", "Balıkesir", "باليكسير", "Balikesir", RegionMarmara},
	{11, "Bilecik", "Bilecik", "بيله جك", "Bilecik", RegionMarmara},
	{12, "Bingöl", "Bingöl", "بينغول", "Bingol", RegionEasternAnatolia},
	{13, "Bitlis", "Bitlis", "بدليس", "Bitlis", RegionEasternAnatolia},
	{14, "Bolu", "Bolu", "بولو", "Bolu", RegionBlackSea},
	{15, "Burdur", "Burdur", "بوردور", "Burdur", RegionMediterranean},
	{16, "Bursa", "Bursa", "بورصة", "Bursa", RegionMarmara},
	{17, "Çanakkale", "Çanakkale", "جناق قلعة", "Canakkale", RegionMarmara},
	{18, "Çankırı", "Çankırı", "جانقري", "Cankiri", RegionCentralAnatolia},
	{19, "Çorum", "Çorum", "جوروم", "Corum", RegionBlackSea},
	{20, "Denizli", "Denizli", "دنيزلي", "Denizli", RegionAegean},
	{21, "Diyarbakır", "Diyarbakır", "ديار بكر", "Diyarbakir", RegionSoutheasternAnatolia},
	{22, "Edirne", "Edirne", "أدرنة", "Edirne", RegionMarmara},
	{23, "Elazığ", "Elazığ", "إلازيغ", "Elazig", RegionEasternAnatolia},
	{24, "Erzincan", "Erzincan", "أرزنجان", "Erzincan", RegionEasternAnatolia},
	{25, "Erzurum", "Erzurum", "أرضروم", "Erzurum", RegionEasternAnatolia},
	{26, "Eskişehir", "Eskişehir", "إسكي شهير", "Eskisehir", RegionCentralAnatolia},
	{27, "Gaziantep", "Gaziantep", "غازي عنتاب", "Gaziantep", RegionSoutheasternAnatolia},
	{28, "Giresun", "Giresun", "غيرسون", "Giresun", RegionBlackSea},
	{29, "Gümüşhane", "Gümüşhane", "غوموشهانه", "Gumushane", RegionBlackSea},
	{30, "Hakkari", "Hakkari", "هكاري", "Hakkari", RegionEasternAnatolia},
	{31, "Hatay", "Hatay", "هاتاي", "Hatay", RegionMediterranean},
	{32, "Isparta", "Isparta", "إسبرطة", "Isparta", RegionMediterranean},
	{33, "Mersin", "Mersin", "مرسين", "Mersin", RegionMediterranean},
	{34, "İstanbul", "Istanbul", "إسطنبول", "Istanbul", RegionMarmara},
	{35, "İzmir", "Izmir", "إزمير", "Izmir", RegionAegean},
	{36, "Kars", "Kars", "قارص", "Kars", RegionEasternAnatolia},
	{37, "Kastamonu", "Kastamonu", "قسطموني", "Kastamonu", RegionBlackSea},
	{38, "Kayseri", "Kayseri", "قيصري", "Kayseri", RegionCentralAnatolia},
	{39, "Kırklareli", "Kırklareli", "قرقلر إيلي", "Kirklareli", RegionMarmara},
	{40, "Kırşehir", "Kırşehir", "قير شهير", "Kirsehir", RegionCentralAnatolia},
	{41, "Kocaeli", "Kocaeli", "قوجه إيلي", "Kocaeli", RegionMarmara},
	{42, "Konya", "Konya", "قونية", "Konya", RegionCentralAnatolia},
	{43, "Kütahya", "Kütahya", "كوتاهية", "Kutahya", RegionAegean},
	{44, "Malatya", "Malatya", "ملطية", "Malatya", RegionEasternAnatolia},
	{45, "Manisa", "Manisa", "مانيسا", "Manisa", RegionAegean},
	{46, "Kahramanmaraş", "Kahramanmaraş", "قهرمان مرعش", "Kahramanmaras", RegionMediterranean},
	{47, "Mardin", "Mardin", "ماردين", "Mardin", RegionSoutheasternAnatolia},
	{48, "Muğla", "Muğla", "موغلا", "Mugla", RegionAegean},
	{49, "Muş", "Muş", "موش", "Mus", RegionEasternAnatolia},
	{50, "Nevşehir", "Nevşehir", "نوشهر", "Nevsehir", RegionCentralAnatolia},
	{51, "Niğde", "Niğde", "نيغدة", "Nigde", RegionCentralAnatolia},
	{52, "Ordu", "Ordu", "أردو", "Ordu", RegionBlackSea},
	{53, "Rize", "Rize", "ريزه", "Rize", RegionBlackSea},
	{54, "Sakarya", "Sakarya", "سقاريا", "Sakarya", RegionMarmara},
	{55, "Samsun", "Samsun", "سامسون", "Samsun", RegionBlackSea},
	{56, "Siirt", "Siirt", "سعرد", "Siirt", RegionSoutheasternAnatolia},
	{57, "Sinop", "Sinop", "سينوب", "Sinop", RegionBlackSea},
	{58, "Sivas", "Sivas", "سيواس", "Sivas", RegionCentralAnatolia},
	{59, "Tekirdağ", "Tekirdağ", "تكيرداغ", "Tekirdag", RegionMarmara},
	{60, "Tokat", "Tokat", "توقات", "Tokat", RegionBlackSea},
	{61, "Trabzon", "Trabzon", "طرابزون", "Trabzon", RegionBlackSea},
	{62, "Tunceli", "Tunceli", "تونجلي", "Tunceli", RegionEasternAnatolia},
	{63, "Şanlıurfa", "Şanlıurfa", "شانلي أورفا", "Sanliurfa", RegionSoutheasternAnatolia},
	{64, "Uşak", "Uşak", "أوشاك", "Usak", RegionAegean},
	{65, "Van", "Van", "وان", "Van", RegionEasternAnatolia},
	{66, "Yozgat", "Yozgat", "يوزغات", "Yozgat", RegionCentralAnatolia},
	{67, "Zonguldak", "Zonguldak", "زونغولداك", "Zonguldak", RegionBlackSea},
	{68, "Aksaray", "Aksaray", "آق سراي", "Aksaray", RegionCentralAnatolia},
	{69, "Bayburt", "Bayburt", "بايبورت", "Bayburt", RegionBlackSea},
	{70, "Karaman", "Karaman", "قرمان", "Karaman", RegionCentralAnatolia},
	{71, "Kırıkkale", "Kırıkkale", "قيريق قلعة", "Kirikkale", RegionCentralAnatolia},
	{72, "Batman", "Batman", "باطمان", "Batman", RegionSoutheasternAnatolia},
	{73, "Şırnak", "Şırnak", "شرناق", "Sirnak", RegionSoutheasternAnatolia},
	{74, "Bartın", "Bartın", "بارطين", "Bartin", RegionBlackSea},
	{75, "Ardahan", "Ardahan", "أردهان", "Ardahan", RegionEasternAnatolia},
	{76, "Iğdır", "Iğdır", "إغدير", "Igdir", RegionEasternAnatolia},
	{77, "Yalova", "Yalova", "يالوفا", "Yalova", RegionMarmara},
	{78, "Karabük", "Karabük", "قره بوك", "Karabuk", RegionBlackSea},
	{79, "Kilis", "Kilis", "كلس", "Kilis", RegionSoutheasternAnatolia},
	{80, "Osmaniye", "Osmaniye", "عثمانية", "Osmaniye", RegionMediterranean},
	{81, "Düzce", "Düzce", "دوزجه", "Duzce", RegionBlackSea},
}

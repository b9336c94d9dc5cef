package cso

// serviceAreaTable is the service-area taxonomy. It follows the sectors of
// the Regional Refugee and Resilience Plan (3RP) for Türkiye, with child
// protection and gender-based violence split out of protection, and with
// the work civil society does around services (advocacy, research).
var serviceAreaTable = []Term{
	{"health", Text{
		"tr": "Sağlık", "en": "Health", "ar": "الصحة",
	}},
	{"sheltering", Text{
		"tr": "Barınma", "en": "Shelter", "ar": "المأوى",
	}},
	{"psychosocial_support", Text{
		"tr": "Psikososyal destek", "en": "Psychosocial support",
		"ar": "الدعم النفسي والاجتماعي",
	}},
	{"legal_counseling", Text{
		"tr": "Hukuki danışmanlık", "en": "Legal counseling",
		"ar": "الاستشارات القانونية",
	}},
	{"education", Text{
		"tr": "Eğitim", "en": "Education", "ar": "التعليم",
	}},
	{"livelihoods", Text{
		"tr": "Geçim kaynakları", "en": "Livelihoods", "ar": "سبل العيش",
	}},
	{"protection", Text{
		"tr": "Koruma", "en": "Protection", "ar": "الحماية",
	}},
	{"child_protection", Text{
		"tr": "Çocuk koruma", "en": "Child protection",
		"ar": "حماية الطفل",
	}},
	{"gbv", Text{
		"tr": "Toplumsal cinsiyete dayalı şiddet",
		"en": "Gender-based violence",
		"ar": "العنف القائم على النوع الاجتماعي",
	}},
	{"basic_needs", Text{
		"tr": "Temel ihtiyaçlar", "en": "Basic needs",
		"ar": "الاحتياجات الأساسية",
	}},
	{"social_cohesion", Text{
		"tr": "Sosyal uyum", "en": "Social cohesion",
		"ar": "التماسك الاجتماعي",
	}},
	{"information_counseling", Text{
		"tr": "Bilgilendirme ve danışmanlık",
		"en": "Information and counseling",
		"ar": "المعلومات والإرشاد",
	}},
	{"advocacy", Text{
		"tr": "Savunuculuk", "en": "Advocacy", "ar": "المناصرة",
	}},
	{"research", Text{
		"tr": "Araştırma", "en": "Research", "ar": "البحث",
	}},
	{"capacity_building", Text{
		"tr": "Kapasite geliştirme", "en": "Capacity building",
		"ar": "بناء القدرات",
	}},
	{"culture_arts", Text{
		"tr": "Kültür ve sanat", "en": "Culture and arts",
		"ar": "الثقافة والفنون",
	}},
}

// targetGroupTable lists whom a service can be for. The first three
// follow the legal statuses of Turkish migration law: temporary
// protection (Syrians), international protection (applicants and status
// holders of other nationalities) and migrants of any status.
var targetGroupTable = []Term{
	{"temporary_protection", Text{
		"tr": "Geçici koruma altındaki kişiler",
		"en": "People under temporary protection",
		"ar": "الأشخاص الخاضعون للحماية المؤقتة",
	}},
	{"international_protection", Text{
		"tr": "Uluslararası koruma başvuru ve statü sahipleri",
		"en": "International protection applicants and status holders",
		"ar": "طالبو الحماية الدولية والحاصلون عليها",
	}},
	{"migrants", Text{
		"tr": "Göçmenler", "en": "Migrants of any status",
		"ar": "المهاجرون بمختلف أوضاعهم",
	}},
	{"women", Text{
		"tr": "Kadınlar", "en": "Women", "ar": "النساء",
	}},
	{"children", Text{
		"tr": "Çocuklar", "en": "Children", "ar": "الأطفال",
	}},
	{"youth", Text{
		"tr": "Gençler", "en": "Youth", "ar": "الشباب",
	}},
	{"lgbti", Text{
		"tr": "LGBTİ+ bireyler", "en": "LGBTI+ people",
		"ar": "أفراد مجتمع الميم",
	}},
	{"disabilities", Text{
		"tr": "Engelli bireyler", "en": "Persons with disabilities",
		"ar": "الأشخاص ذوو الإعاقة",
	}},
	{"older_people", Text{
		"tr": "Yaşlı bireyler", "en": "Older people", "ar": "كبار السن",
	}},
	{"host_community", Text{
		"tr": "Ev sahibi toplum", "en": "Host community",
		"ar": "المجتمع المضيف",
	}},
	{"seasonal_workers", Text{
		"tr": "Mevsimlik tarım işçileri",
		"en": "Seasonal agricultural workers",
		"ar": "عمال الزراعة الموسميون",
	}},
	{"detained", Text{
		"tr": "İdari gözetim altındaki kişiler",
		"en": "Persons in immigration detention",
		"ar": "المحتجزون إداريًا في مراكز الترحيل",
	}},
	{"professionals", Text{
		"tr": "STK'lar ve meslek insanları",
		"en": "CSOs and professionals",
		"ar": "منظمات المجتمع المدني والمهنيون",
	}},
}

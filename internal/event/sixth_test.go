package event

import (
	"context"
	"testing"

	"marsad"
)

// TestSixthRoundArguments: the structural argument rules of the sixth
// round (testdata/README.md step 12), one sentence each.
func TestSixthRoundArguments(t *testing.T) {
	P, O, L := marsad.PERS, marsad.ORG, marsad.LOC
	for _, tc := range []struct {
		name          string
		a             *marsad.Article
		typ           string
		actor, target string
	}{
		{"a title chain after a comma is one argument", article("استقبل صاحب السمو الملكي الأمير فيصل بن بندر أمير منطقة الرياض، في مكتب سموه بقصر الحكم اليوم، رئيس اللجنة الوطنية للتعليم العالمي والدولي بمجلس الغرف السعودية الدكتور منصور الخنيزان.",
			[3]string{P, "فيصل بن بندر", "faisal"}, [3]string{P, "منصور الخنيزان", "khonaizan"}), "CONSULT", "faisal", "khonaizan"},
		{"an honorific before a noun's genitive agent", article("جاء ذلك خلال لقاء المهندس إبراهيم محلب رئيس مجلس الوزراء المصري مع الوفد الدولي.",
			[3]string{P, "إبراهيم محلب", "mahlab"}), "CONSULT", "mahlab", ""},
		{"talks with a party as the main clause's circumstance", article("ناقش الرئيس الأمريكي باراك أوباما الحرب في جنوب السودان خلال مباحثات ثنائية مع الحكومة الإثيوبية اليوم.",
			[3]string{P, "باراك أوباما", "obama"}, [3]string{O, "الحكومة الإثيوبية", "ethiopia"}), "CONSULT", "obama", "ethiopia"},
		{"parties after a verb of occurring", article("وبحث الجانبان في اتصال هاتفي جرى بين الرئيس باراك أوباما والرئيس رجب طيب أردوغان الحرب في سوريا.",
			[3]string{P, "باراك أوباما", "obama"}, [3]string{P, "رجب طيب أردوغان", "erdogan"}), "CONSULT", "obama", "erdogan"},
		{"a verbal noun's genitive agent before its ل object", article("وأكد الوزير أن محاولات استهداف الميليشيات الحوثية لمطار عدن لم تنجح.",
			[3]string{O, "الميليشيات الحوثية", "houthis"}, [3]string{L, "مطار عدن", "aden-airport"}), "ASSAULT", "houthis", "aden-airport"},
		{"an airport welcome: the welcoming official (R2)", article("وكان في استقباله لدى وصوله مطار الملك عبدالعزيز الدولي وكيل إمارة منطقة مكة المكرمة الأمير سعود بن عبدالله، ووزير الثقافة والإعلام الدكتور عادل الطريفي.",
			[3]string{P, "سعود بن عبدالله", "saud"}, [3]string{P, "عادل الطريفي", "turaifi"}), "CONSULT", "saud", ""},
		{"a verbal noun after a verb of ability takes its subject", article("أعلن وزير الدفاع أن القوات الحكومية الصومالية تمكنت بدعم من قوات الاتحاد الأفريقي من السيطرة على معقل لحركة الشباب.",
			[3]string{O, "القوات الحكومية الصومالية", "somalia"}, [3]string{O, "حركة الشباب", "shabab"}, [3]string{O, "قوات الاتحاد الأفريقي", "amisom"}), "COERCE", "somalia", ""},
		{"a title chain through a body ends in its holder", article("ندد معالي الرئيس العام لهيئة الأمر بالمعروف والنهي عن المنكر الشيخ الدكتور عبدالرحمن السند بالتفجير الإرهابي.",
			[3]string{O, "هيئة الأمر بالمعروف والنهي عن المنكر", "haia"}, [3]string{P, "عبدالرحمن السند", "sanad"}), "ACCUSE", "sanad", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if err := New().Annotate(context.Background(), tc.a); err != nil {
				t.Fatal(err)
			}
			for _, e := range tc.a.Events {
				if e.Type != tc.typ || len(e.Actors) != 1 || e.Actors[0] != tc.actor {
					continue
				}
				if tc.target == "" || len(e.Targets) == 1 && e.Targets[0] == tc.target {
					return
				}
			}
			t.Errorf("got %+v, want %s by %s on %q", tc.a.Events, tc.typ, tc.actor, tc.target)
		})
	}
	_ = O
	_ = L
	a := article("وتحتل الهند الترتيب الثاني بين الأسواق الناشئة للبرازيل وروسيا.", [3]string{L, "الهند", "india"}, [3]string{L, "روسيا", "russia"})
	if err := New().Annotate(context.Background(), a); err != nil || len(a.Events) != 0 {
		t.Errorf("a rank taken: got %+v, %v; want no event", a.Events, err)
	}
	a = article("وقاد الحارس الفريق إلى المباراة النهائية بعدما سيطر النادي على الدوري وهاجم اللاعب مرمى الأهلي.", [3]string{O, "الأهلي", "ahli"}, [3]string{O, "النادي", "club"})
	if err := New().Annotate(context.Background(), a); err != nil || len(a.Events) != 0 {
		t.Errorf("a sports sentence: got %+v, %v; want no event", a.Events, err)
	}
}

/**
 * Titles the fact sheet (../shared/sources/facts.md) gives for each page it lists: quoted headlines
 * without their quotation marks, and descriptive titles in square brackets as the fact sheet writes
 * them (markdown emphasis removed). An empty list: the fact sheet lists the page but gives no title.
 * Extracted with the same rule as `extractFactSheetTitles` below; `standards.test.ts` checks that
 * this copy still matches the fact sheet whenever the sources folder is present.
 */
export const FACT_SHEET_TITLES: Record<string, string[]> = {
	'https://bookreadfree.com/557789/13693338': ['[excerpt of Steve Coll, Ghost Wars]'],
	'https://nachrichtenagentur.radio-utopie.de/newsagency-tags/inter-services-intelligence-isi': [
		'[tag page quoting Maley on the 29 Oct 1994 convoy and Babar\'s "we created the Taliban"]'
	],
	'http://news.bbc.co.uk/onthisday/hi/dates/stories/september/27/newsid_2539000/2539973.stm': [
		'1996: Afghan forces routed as Kabul falls'
	],
	'https://www.theguardian.com/theguardian/2009/sep/28/taliban-afghanistan-kabul': [
		'From the archive: Kabul falls to Islamist Taliban militia'
	],
	'https://911plus.org/5261997-roy-gutman-105/': [
		'[quote from Roy Gutman, How We Missed the Story, p.105]'
	],
	'http://amarillo.com/stories/2001/09/23/usn_initedarabem.shtml': [
		'United Arab Emirates suspends diplomatic relations with Taliban'
	],
	'http://articles.baltimoresun.com/2001-09-23/news/0109230046_1_taliban-united-arab-emirates-northern-afghanistan':
		['Taliban lose key Arab support'],
	'https://historyatlas.com/events/in-october-1998-the-un-votes-to-maintain-rec': [
		'In October 1998, the UN votes to maintain recognition…'
	],
	'http://www.stanford.edu/group/mappingmilitants/cgi-bin/groups/print_view/105': [
		'Tehrik-i-Taliban Pakistan'
	],
	'https://docslib.org/doc/10900031/a-profile-of-tehrik-i-taliban-pakistan': [
		'A Profile of Tehrik-i-Taliban Pakistan'
	],
	'https://wiki.gravy.cc/wiki/Tehrik-e-Taliban_Pakistan': ['Pakistani Taliban'],
	'https://tribune.com.pk/story/278815/us-wants-pakistan-to-take-strong-steps-on-afghan-militants/':
		["Work harder to 'squeeze' Haqqanis, Clinton tells Pakistan"],
	'https://www.mid-day.com/articles/mother-in-law-in-a-snake-pit/139820': [
		'Mother-in-law in a snake pit'
	],
	'http://rediff.com/news/report/jaishankar-recalls-hillary-clintons-snake-analogy-to/20221216.htm':
		["Jaishankar recalls Hillary Clinton's 'snake' analogy to slam Pak"],
	'https://www.dawn.com/news/1322757': [
		'[Dawn: Gen Bajwa says fencing on Pak-Afghan border has commenced]'
	],
	'https://www.app.com.pk/fencing-at-pak-afghan-border-commences-all-resources-shall-be-employed-to-ensure-citizens-safety-coas/':
		['Fencing at Pak-Afghan border commences…'],
	'https://www.thenews.com.pk/latest/211827-Fencing-of-Pak-Afghan-border-commenced-ISPR': [
		'Fencing of Pak-Afghan border commenced: ISPR'
	],
	'https://www.dawn.com/news/1401790/2-fc-personnel-martyred-5-injured-in-attack-from-across-afghan-border':
		['2 FC personnel martyred, 5 injured in attack from across Afghan border'],
	'https://www.dawn.com/news/1401962/ambush-at-pak-afghan-border-leaves-5-fc-personnel-martyred': [
		'Ambush at Pak-Afghan border leaves 5 FC personnel martyred'
	],
	'https://www.sbs.com.au/language/punjabi/en/podcast-episode/pakistan-diary-pm-imran-khan-says-afghans-broke-shackles-of-slavery-as-taliban-seize-power/tlx8tlz5l':
		["Pakistan Diary: PM Imran Khan says Afghans 'broke shackles of slavery'…"],
	'http://cryer.org.uk/Chaman_border_crossing': [
		'[Chaman border crossing: Afghan side captured 14 Jul 2021]'
	],
	'https://review.clateway.com/wiki/view_html.php?q=Torkham_border_crossing&sq=Qlik': [
		'[Torkham: seized 15 Aug 2021]'
	],
	'https://ndtv.com/world-news/taliban-has-broken-shackles-of-slavery-says-pak-pm-imran-khan-2511573/amp/1':
		['[NDTV: "Taliban has broken shackles of slavery", says Pak PM Imran Khan]'],
	'https://dailytimes.com.pk/805138/pakistan-will-recognise-taliban-in-line-with-national-interests/':
		['Pakistan will recognise Taliban in line with national interests'],
	'https://www.dawn.com/news/1644463': [
		"'Don't worry, everything will be okay': ISI chief during Kabul visit"
	],
	'https://tribune.com.pk/story/2318701/isi-chief-visits-kabul-to-meet-taliban-leadership?amp=1': [
		'ISI chief visits Kabul to meet Taliban leadership'
	],
	'https://www.hindustantimes.com/world-news/malicious-allegations-pakistan-on-reports-it-helped-taliban-in-panjshir-101631264026892.html':
		["'Malicious allegations': Pakistan on reports it helped Taliban in Panjshir"],
	'https://www.oneindia.com/india/mischievous-propaganda-says-pakistan-on-reports-it-backed-taliban-in-panjshir-3309549.html':
		[],
	'https://www.business-standard.com/article/international/pak-will-recognise-taliban-regime-when-there-s-regional-consensus-122031900282_1.html':
		["Pak will recognise Taliban regime when there's regional consensus"],
	'https://khabarkada.com/?p=13944': ['Ghulam Khan border crossing opened after two weeks'],
	'https://www.brecorder.com/news/40141713/part-of-border-fence-purportedly-removed-in-nangarhar': [
		'Part of border fence purportedly removed in Nangarhar'
	],
	'https://www.observerbd.com/news.php?id=345577': ['Taliban stop Pak army from fencing'],
	'https://www.news18.com/news/world/afghan-forces-rip-apart-barbed-wire-fence-put-up-by-pak-as-border-dispute-between-neighbours-escalates-4598357.html':
		[],
	'https://www.lokmattimes.com/international/durand-line-fencing-94-pc-completed-claims-pakistan/':
		['Durand Line fencing 94 pc completed, claims Pakistan'],
	'https://thefridaytimes.com/15-Jan-2022/afghan-taliban-have-agreed-to-let-pakistan-complete-border-fence-minister':
		['Afghan Taliban Have Agreed To Let Pakistan Complete Border Fence: Minister'],
	'https://english.alarabiya.net/News/world/2022/04/17/Afghanistan-death-toll-in-Pakistan-strikes-rises-to-at-least-47-Officials':
		["Afghanistan death toll in 'Pakistan strikes' rises to at least 47: Officials"],
	'https://en.wikipedia.org/wiki/2022_Pakistani_airstrikes_in_Afghanistan': [
		'2022 Pakistani airstrikes in Afghanistan'
	],
	'https://www.latestly.com/agency-news/world-news-pak-army-soldier-killed-in-khyber-pakhtunkhwa-attack-4282888.html':
		['Pak Army Soldier Killed in Khyber Pakhtunkhwa Attack'],
	'https://cisnewsnetwork.com/pakistani-soldier-killed-in-north-waziristan/': [],
	'https://www.dawn.com/news/1720798/trade-suspended-at-chaman-border-after-deadly-shooting': [
		'Trade suspended at Chaman border after deadly shooting'
	],
	'https://www.pakistantoday.com.pk/2022/11/21/pakistan-reopens-chaman-border-with-afghanistan-shut-over-shooting/':
		['Pakistan reopens Chaman border with Afghanistan shut over shooting'],
	'https://www.dawn.com/news/1723647/ttp-ends-ceasefire-with-govt-orders-its-militants-to-carry-out-attacks-in-entire-country':
		["TTP ends ceasefire with govt, orders its militants to 'carry out attacks in entire country'"],
	'https://www.aljazeera.com/news/2022/11/28/pakistan-taliban-ends-ceasefire-with-govt-threatens-new-attacks':
		[],
	'https://indianexpress.com/article/world/six-killed-in-firing-by-afghan-forces-on-pakistan-border-pakistan-army-8319050/':
		['Six killed in firing by Afghan forces on Pakistan border: Pakistan army'],
	'https://www.wionews.com/node/542118': [
		'[WION: six civilians killed, fence-cutting attempt per AFP]'
	],
	'https://budrigannews.com/one-dead-as-fresh-clashes-erupt-between-afghan-pakistani-border-forces-2022-12-15':
		['One dead as fresh clashes erupt between Afghan, Pakistani border forces'],
	'https://dnanews.com.pk/pakistan-afghanistan-troops-exchange-fire-at-torkham-border-crossing/': [
		'Pakistan, Afghanistan troops exchange fire at Torkham border crossing'
	],
	'https://ktar.com/story/gallery/trade-resumes-as-pakistan-afghanistan-reopen-torkham-border/': [
		'Trade resumes as Pakistan, Afghanistan reopen Torkham border'
	],
	'https://www.geo.tv/latest/508765-torkham-border-closed-after-pak-afghan-security-forces-clash': [
		'Torkham border closed after Pak-Afghan security forces clash'
	],
	'https://www.thestatesman.com/world/tensions-rise-as-pakistan-accuses-taliban-of-border-incursion-1503220938.html':
		[],
	'https://www.brecorder.com/news/40269383/over-59000-illegal-refugees-repatriated-to-afghanistan':
		['Over 59,000 illegal refugees repatriated to Afghanistan'],
	'https://menafn.com/1108010365/Over-520000-Afghan-Migrants-Expelled-From-Pakistan-IOM': [
		'Over 520,000 Afghan Migrants Expelled From Pakistan: IOM'
	],
	'https://reliefweb.int/report/afghanistan/unhcr-afghanistan-operational-update-october-2024': [
		'UNHCR Afghanistan Operational Update, October 2024'
	],
	'https://amu.tv/106790': ['Pakistan deports 639,000 Afghan migrants since last September: IOM'],
	'https://watanhd.com/1402/07/11/pakistan-tightens-entry-rules-for-afghan-travelers': [
		'[passport-only rule from 1 Nov 2023, via VOA]'
	],
	'https://www.dtnext.in/news/world/pakistan-witnessed-alarming-surge-in-violence-in-2023-758082': [
		'Pakistan witnessed alarming surge in violence in 2023'
	],
	'https://newsguru.pk/six-year-record-high-in-violence-related-deaths/': [
		'Six-Year Record High in Violence-Related Deaths'
	],
	'https://socialnews.xyz/2023/10/01/pak-security-forces-casualties-at-8-yr-high': [
		'[CRSS Q3 2023: 386 security personnel killed in 9 months]'
	],
	'https://taipeitimes.com/News/world/archives/2024/03/19/2003815159': [
		'[AP: Pakistani airstrikes kill 8; Barmal named]'
	],
	'https://www.newdelhitimes.com/pakistani-jets-target-suspected-pakistani-taliban-hideouts-in-afghanistan-killing-8-people/':
		[],
	'https://dailytimes.com.pk/1249776/16-soldiers-martyred-in-attack-on-check-post-in-s-waziristan/':
		['16 soldiers martyred in attack on check post in S Waziristan'],
	'https://www.trtworld.com/article/18245743': [
		"Terrorist attack in Pakistan's Khyber Pakhtunkhwa kills 16 soldiers"
	],
	'https://english.aaj.tv/news/330394186/16-soldiers-martyred-in-terrorist-attack-on-check-post-in-kps-south-waziristan-ispr':
		[],
	'https://www.indiandefensenews.in/2024/12/islamist-militants-in-northwest.html': [],
	'https://www.spokesman.com/stories/2024/dec/25/46-killed-in-pakistani-airstrike-on-afghan-provinc/':
		['46 killed in Pakistani airstrike on Afghan province'],
	'https://kabulnow.com/2024/12/pakistani-airstrikes-in-eastern-afghanistan-kill-46-taliban-vows-to-retaliate/':
		[],
	'https://www.business-standard.com/world-news/pak-airstrikes-kill-46-in-afghanistan-mostly-women-children-taliban-124122500447_1.html':
		['Pak airstrikes kill 46 in Afghanistan; mostly women, children: Taliban'],
	'https://www.dawn.com/news/1881200/fo-confirms-pakistan-conducted-anti-terrorist-operation-in-border-areas-based-on-security-threats':
		[
			'FO confirms Pakistan conducted anti-terrorist operation in border areas based on security threats'
		],
	'https://amu.tv/146504': [
		"UNAMA says it has reports of civilian deaths in Pakistan's airstrikes in Paktika"
	],
	'https://www.pakistantoday.com.pk/2024/12/26/pakistan-airstrikes-target-ttp-camps-as-afghan-govt-calls-it-clear-aggression/':
		[],
	'https://centralasianlight.org/news/pakistan-launches-airstrikes-in-afghanistan': [
		"[Reuters-based: MFA summoned head of Pakistan's mission]"
	],
	'https://www.hindipatrika.com/pakistan-faces-taliban-threat-15000-fighters-march-towards-border-amid-rising-tensions':
		['Pakistan Faces Taliban Threat: 15,000 Fighters March Towards Border Amid Rising Tensions'],
	'https://www.indiablooms.com/world/15000-taliban-fighters-march-to-pakistani-border-after-deadly-airstrikes/details':
		['15,000 Taliban fighters march to Pakistani border after deadly airstrikes'],
	'https://northeastherald.in/world/15000-taliban-fighters-march-to-pakistani-border-after-deadly-airstrikes':
		[],
	'https://republicsamachar.in/pakistan-ki-or-badh-rahe-15-hajar-talibani-ladake': [],
	'https://amp.sanatanprabhat.org/marathi/?p=867303': [],
	'https://factually.co/fact-checks/military/taliban-pakistan-border-tensions-53fc96': [
		'Fact check: Around 15,000 Taliban fighters are reportedly marching…'
	],
	'https://www.brecorder.com/news/40340007/soldier-killed-in-border-clash': [
		'Soldier killed in border clash'
	],
	'https://www.republicworld.com/amp/defence/global-defence-news/cross-border-tensions-flare-as-afghan-taliban-retaliate-against-pakistans-deadly-airstrikes':
		[],
	'https://english.publictv.in/eight-killed-on-afghan-side-during-border-clashes-between-pakistani-afghan-forces/amp':
		[],
	'https://www.latestly.com/socially/world/afghan-pakistani-border-clash-19-pakistani-soldiers-and-3-afghan-civilians-killed-in-fierce-fighting-6524231.html':
		['Afghan-Pakistani Border Clash: 19 Pakistani Soldiers and 3 Afghan Civilians Killed…'],
	'https://thelinkpaper.ca/pakistan-conducts-airstrikes-on-afghanistan-killing-15-taliban-vow-retaliation/':
		[],
	'https://www.indiandefensenews.in/2024/12/i-deplore-killing-of-afghan-civilians.html': [],
	'https://www.indiandefensenews.in/2024/12/pakistan-air-strikes-kill-46-in.html': [],
	'https://dailyhayat.net/pak-airstrikes-in-afghanistan-kill-71-terrorists': [],
	'https://jmediawiki.org/wiki/Mir_Ali,_Pakistan': [],
	'https://talk.dob.jp/enwiki/w/index.php?oldid=1095695335&title=Barmal_District': [],
	'https://www.pakpedia.pk/torkham-border/': [],
	'https://it.xcv.wiki/wiki/Wesh%E2%80%93Chaman_border_crossing': [],
	'https://wikimili.com/en/Spin_Boldak': [],
	'https://a.osmarks.net/content/wikipedia_en_all_maxi_2020-08/A/Makin%2C_Pakistan': [],
	'https://de.wikibrief.org/wiki/Makin%2C_Pakistan': [],
	'https://it.qaz.wiki/wiki/Angoor_Ada': [],
	'https://jmediawiki.org/wiki/Angur_Ada': [],
	'https://de.wikipedia.org/wiki/Ghulam_Khan': [],
	'https://www.thenews.com.pk/print/406689-802-km-pak-afghan-border-fencing-completed-ispr': [],
	'https://www.brecorder.com/news/40037731/pak-afghan-border-fencing-to-be-completed-within-next-two-months-ispr':
		[],
	'https://einfopedia.com/which-border-line-between-pakistan-and-afghanistan.php': [],
	'https://en.etemaaddaily.com/world/international/pak-to-complete-fencing-of-border-with-afghanistan-by-june-end-minister:97568':
		[],
	'https://www.pakistantoday.com.pk/2023/09/06/torkham-border-shuts-after-pakistan-afghanistan-skirmish/':
		[],
	'https://wikisum.wiki/wiki/2022_Pakistani_airstrikes_in_Afghanistan': [],
	'https://www.theweek.in/web-stories/current-affairs/2025/10/12/durand-line-explained-6-things-to-know-about-the-international-border-pakistan-afghanistan-clashes.html':
		[],
	'http://www.pressreader.com/uae/khaleej-times/20180416/282926680980762': [],
	'http://technoblizt.com/2018/04/pakistani-security-personnel-killed-in-attack-from-across/': [],
	'https://www.lokmattimes.com/topics/durand/page/2/': [],
	'https://www.deccanchronicle.com/world/neighbours/280119/pakistan-to-complete-fencing-of-2600-km-long-afghan-border-by-next-ye.html':
		[],
	'http://value-cii.com/node/1243036/amp/%7B%7Bpath%7D%7D': [],
	'https://www.tnn.com.pk/deployment-of-fia-staff-on-ghulam-khan-border-on-the-card-army-official/':
		[],
	'https://www.thehawk.in/posts/pak-to-complete-fencing-of-border-with-afghanistan-by-june-end:-minister':
		[]
};

/** Headlines the fact sheet gives for pages it lists without a URL (the two base articles). */
export const FACT_SHEET_UNLINKED_TITLES = [
	'15,000 Taliban Fighters March Towards Pakistan: Why is the Taliban Turning on Its Former Patron?'
];

/** Source ids of the two articles the story began from: one wire copy, not two sources. */
export const BASE_ARTICLE_SOURCES = ['mirza', 'fifteen-thousand'];

/** URL → titles, read from the fact sheet's markdown: `URL — "Headline"` or `URL — [description]`. */
export function extractFactSheetTitles(md: string): Record<string, string[]> {
	const out: Record<string, string[]> = {};
	const re = /(https?:\/\/[^\s;|)]+(?:\([^\s)]*\))?[^\s;|)]*)((?:\s+—\s+)(?:"[^"]*"|\[[^\]]*\]))?/g;
	for (const m of md.matchAll(re)) {
		const url = m[1]!.replace(/[.,]+$/, '');
		const list = (out[url] ??= []);
		if (m[2]) {
			let title = m[2].trim().slice(1).trim();
			title = title.startsWith('"') ? title.slice(1, -1) : title.replaceAll('*', '');
			if (!list.includes(title)) list.push(title);
		}
	}
	return out;
}

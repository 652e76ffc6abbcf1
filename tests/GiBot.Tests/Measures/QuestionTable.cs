namespace GiBot.Tests.Measures;

/// <summary>
/// Questions people ask and exactly what GiBot must answer, one per line: <c>question ⇒ expectation</c>.
/// Expectations: <c>measure N</c>; <c>item 八: 8 9 10</c>; <c>section 四: …</c>; <c>unit 执法稽查科: …</c>;
/// <c>keyword: 12</c> (in rank order); <c>lead: measure 8</c> or <c>lead: unit 法规科</c>; <c>measures: 8 9 10</c> (several, in the order asked); <c>all</c>; <c>out N</c>; <c>part section|item 一</c>;
/// <c>clarify: measure 8 | item 八 | unit 人事科 | section 二</c>; <c>unknown 食品科: 食品生产安全监督管理科 | …</c> (a unit the plan
/// does not name, with the closest units suggested, best first); <c>none</c> (left to other features or help).
/// </summary>
public static class QuestionTable
{
    private const string IpProtection = "1 2 3 5 6 7 8 9 10 11 12 13 14 15 17 18 19 20";
    private const string All = "1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20";

    public const string Rows = $"""
        第一项措施谁负责 ⇒ measure 1
        who is responsible for measure 1 ⇒ measure 1
        措施2由哪个科室负责 ⇒ measure 2
        measure 2 owner ⇒ measure 2
        序号3 ⇒ measure 3
        who owns measure #3 ⇒ measure 3
        第4条 ⇒ measure 4
        measure no. 4 ⇒ measure 4
        措施五 ⇒ measure 5
        #5 ⇒ measure 5
        Who owns measure 5? ⇒ measure 5
        ⑥ ⇒ measure 6
        who owns measure 6? ⇒ measure 6
        第七项措施 ⇒ measure 7
        measure ７ ⇒ measure 7
        who is responsible for measure 7 ⇒ measure 7
        第八项措施谁负责 ⇒ measure 8
        who is responsible for measure 8 ⇒ measure 8
        措施8由哪个科室负责 ⇒ measure 8
        措施８由哪个科室负责 ⇒ measure 8
        序号8 ⇒ measure 8
        第8条 ⇒ measure 8
        who owns measure #8 ⇒ measure 8
        measure 8 owner ⇒ measure 8
        ⑧ ⇒ measure 8
        第九项措施谁负责 ⇒ measure 9
        Who leads the 9th measure? ⇒ lead: measure 9
        Who is responsible for the 9th measure? ⇒ measure 9
        第十项措施谁负责 ⇒ measure 10
        measure number 10 ⇒ measure 10
        第十一项措施谁负责 ⇒ measure 11
        ⑪ ⇒ measure 11
        who owns measure 11 ⇒ measure 11
        措施十二 ⇒ measure 12
        measure 12 owner ⇒ measure 12
        第十三条 ⇒ measure 13
        measure 13 ⇒ measure 13
        第１４项 ⇒ measure 14
        who is responsible for measure 14 ⇒ measure 14
        措施⑮由哪个科室负责 ⇒ measure 15
        measure 15 owner ⇒ measure 15
        十六 ⇒ measure 16
        who owns measure 16 ⇒ measure 16
        第十七项措施 ⇒ measure 17
        measure #17 ⇒ measure 17
        序号十八 ⇒ measure 18
        who is responsible for measure 18 ⇒ measure 18
        19 ⇒ measure 19
        measure 19 ⇒ measure 19
        第二十项措施谁负责 ⇒ measure 20
        措施二十 ⇒ measure 20
        measure 20 owner ⇒ measure 20
        ⑳ ⇒ measure 20
        第8项措施的牵头单位是谁 ⇒ lead: measure 8
        第二十项谁牵头 ⇒ lead: measure 20
        知识产权保护科牵头哪些 ⇒ lead: unit 知识产权保护科
        哪些措施由知识产权保护科牵头 ⇒ lead: unit 知识产权保护科
        法规科牵头哪些 ⇒ lead: unit 法规科
        Which measures does the IP Protection Section lead? ⇒ lead: unit 知识产权保护科
        8号措施 ⇒ measure 8
        Measure8 ⇒ measure 8
        what is the lead unit of measure 20 ⇒ lead: measure 20
        （八） ⇒ item 八: 8 9 10
        举措八 ⇒ item 八: 8 9 10
        (八)有哪些措施 ⇒ item 八: 8 9 10
        item 8 ⇒ item 八: 8 9 10
        （三） ⇒ item 三: 1 2
        （五）有哪些措施 ⇒ item 五: 4 5
        举措十三 ⇒ item 十三: 17 18 19 20
        item (13) ⇒ item 十三: 17 18 19 20
        （十）谁负责 ⇒ item 十: 13 14
        （十一） ⇒ item 十一: 15
        举措九 ⇒ item 九: 11 12
        严厉打击地理标志侵权假冒行为 ⇒ item 八: 8 9 10
        执法稽查科负责哪些措施 ⇒ unit 执法稽查科: 8 9 10
        执法稽查负责什么 ⇒ unit 执法稽查科: 8 9 10
        Enforcement and Inspection Section ⇒ unit 执法稽查科: 8 9 10
        知保科负责哪些措施 ⇒ unit 知识产权保护科: {IpProtection}
        what does the IP Protection Section own ⇒ unit 知识产权保护科: {IpProtection}
        人事科负责哪些措施 ⇒ unit 人事科: 16 18
        人事 ⇒ unit 人事科: 16 18
        what does the Personnel Section own ⇒ unit 人事科: 16 18
        法规科 ⇒ unit 法规科: 1
        知识产权促进科负责哪些 ⇒ unit 知识产权促进科: 1 16
        知促科 ⇒ unit 知识产权促进科: 1 16
        标准化科 ⇒ unit 标准化科: 6
        which measures does the Standardization Section own ⇒ unit 标准化科: 6
        检验检测科有哪些措施 ⇒ unit 检验检测监督管理科: 7
        反不正当竞争科 ⇒ unit 反不正当竞争科: 8
        Anti-Unfair Competition Section measures ⇒ unit 反不正当竞争科: 8
        产品质量安全监督管理科负责什么 ⇒ unit 产品质量安全监督管理科: 4
        食品生产科 ⇒ unit 食品生产安全监督管理科: 4
        维权中心负责哪些措施 ⇒ unit 知识产权维权保护中心: 14
        知识产权维权保护中心 ⇒ unit 知识产权维权保护中心: 14
        各直属单位 ⇒ unit 各直属单位: 20
        市局各有关科室负责什么 ⇒ unit 市局各有关科室: 20
        修武县市场监督管理局负责哪些措施 ⇒ unit 修武县市场监督管理局: {All}
        温县 ⇒ unit 温县市场监督管理局: {All}
        示范区分局 ⇒ unit 城乡一体化示范区分局: {All}
        地理标志产品保护示范区 ⇒ keyword: 3
        示范区负责哪些 ⇒ unit 城乡一体化示范区分局: {All}
        what do the county bureaus own ⇒ unit 各县（市）、区市场监督管理局、城乡一体化示范区分局: {All}
        当阳峪绞胎瓷 ⇒ keyword: 15
        双随机 ⇒ keyword: 12
        检验检测 ⇒ keyword: 7
        哪些措施涉及双随机 ⇒ keyword: 12
        四大怀药 ⇒ keyword: 1
        人工智能 ⇒ keyword: 5
        大数据 ⇒ keyword: 5
        舆情监测 ⇒ keyword: 14
        刑事司法 ⇒ keyword: 10
        年报制度 ⇒ keyword: 11
        培训 ⇒ keyword: 18 17 19 20
        典型案例 ⇒ keyword: 19
        表彰奖励 ⇒ keyword: 16
        团体标准 ⇒ keyword: 6
        道地药材 ⇒ keyword: 2
        搭便车 ⇒ keyword: 8
        异常名录 ⇒ keyword: 12
        绞胎瓷海外 ⇒ keyword: 15
        double random ⇒ keyword: 12
        which measures mention porcelain ⇒ keyword: 15
        training ⇒ keyword: 18 17 19 20
        artificial intelligence ⇒ keyword: 5
        criminal justice ⇒ keyword: 10
        public opinion monitoring ⇒ keyword: 14
        谁负责检验检测 ⇒ keyword: 7
        保护中心 ⇒ keyword: 14
        counterfeiting ⇒ keyword: 8 14 9 10
        第三方检测机构谁负责 ⇒ keyword: 7
        维权 ⇒ unit 知识产权维权保护中心: 14
        law enforcement ⇒ unit 执法稽查科: 8 9 10
        县区局负责什么 ⇒ unit 各县（市）、区市场监督管理局、城乡一体化示范区分局: {All}
        有哪些部分 ⇒ all
        ①② ⇒ measures: 1 2
        第四部分有哪些措施 ⇒ section 四: 8 9 10 11 12
        第二部分 ⇒ section 二: 1 2
        第三部分的措施 ⇒ section 三: 3 4 5 6 7
        第五部分 ⇒ section 五: 13 14 15
        第六部分有哪些 ⇒ section 六: 16 17 18 19 20
        part 4 ⇒ section 四: 8 9 10 11 12
        section 6 ⇒ section 六: 16 17 18 19 20
        加强地理标志行政保护 ⇒ section 四: 8 9 10 11 12
        列出全部措施 ⇒ all
        全部措施 ⇒ all
        所有措施 ⇒ all
        有哪些措施 ⇒ all
        措施清单 ⇒ all
        list all measures ⇒ all
        all measures ⇒ all
        list measures ⇒ all
        第二十一项措施谁负责 ⇒ out 21
        措施0 ⇒ out 0
        measure 21 ⇒ out 21
        第21条 ⇒ out 21
        序号99 ⇒ out 99
        measure 0 ⇒ out 0
        ㉑ ⇒ out 21
        措施二十五 ⇒ out 25
        第一百项 ⇒ out 100
        第一百项措施谁负责 ⇒ out 100
        第一百零一项 ⇒ out 101
        第二百项措施 ⇒ out 200
        第一千项 ⇒ out 1000
        第一〇〇项 ⇒ out 100
        第100项 ⇒ out 100
        measure 100 ⇒ out 100
        一百 ⇒ out 100
        前一百项 ⇒ out 100
        第0项 ⇒ out 0
        第〇项 ⇒ out 0
        第零项措施谁负责 ⇒ out 0
        第２１项 ⇒ out 21
        第１０项措施谁负责 ⇒ measure 10
        第十〇项 ⇒ measure 10
        第二〇项 ⇒ measure 20
        第99999999999项 ⇒ out 2147483647
        第一部分 ⇒ part section 一
        part 7 ⇒ part section 七
        （一） ⇒ part item 一
        举措十四 ⇒ part item 十四
        八 ⇒ clarify: measure 8 | item 八
        十三 ⇒ clarify: measure 13 | item 十三
        措施8和措施9 ⇒ measures: 8 9
        第8项和第9项谁负责 ⇒ measures: 8 9
        第8、9、10项 ⇒ measures: 8 9 10
        第8到10项 ⇒ measures: 8 9 10
        measures 8-10 ⇒ measures: 8 9 10
        8-10 ⇒ measures: 8 9 10
        前三项措施 ⇒ measures: 1 2 3
        第8项和第25项 ⇒ out 25
        8-100 ⇒ out 100
        最后一项措施 ⇒ measure 20
        the last measure ⇒ measure 20
        measure eight ⇒ measure 8
        eighth measure ⇒ measure 8
        measure twenty ⇒ measure 20
        measure eighteen ⇒ measure 18
        the twentieth measure ⇒ measure 20
        measure twenty-one ⇒ out 21
        who is responsible for measure twenty one ⇒ out 21
        measure one hundred ⇒ out 100
        measure one hundred and five ⇒ out 105
        twenty-first measure ⇒ out 21
        measure zero ⇒ out 0
        这20项措施分别由谁负责 ⇒ all
        二十项措施 ⇒ all
        分工方案的20项措施 ⇒ all
        有几项措施 ⇒ all
        一共多少项措施 ⇒ all
        how many measures are there ⇒ all
        第20项措施 ⇒ measure 20
        20项 ⇒ measure 20
        八项措施 ⇒ measure 8
        -1 ⇒ out -1
        第-1项措施 ⇒ out -1
        measure -1 ⇒ out -1
        焦政〔2018〕23号 ⇒ keyword: 1
        假冒 ⇒ keyword: 14 8 9 10
        知识产权 ⇒ clarify: unit 知识产权保护科 | unit 知识产权促进科 | unit 知识产权维权保护中心
        inspection ⇒ clarify: unit 执法稽查科 | unit 检验检测监督管理科
        人事科和执法稽查科 ⇒ clarify: unit 人事科 | unit 执法稽查科
        IP section ⇒ clarify: unit 知识产权保护科 | unit 知识产权促进科 | unit 知识产权维权保护中心
        第八項措施誰負責 ⇒ measure 8
        第二十項誰牽頭 ⇒ lead: measure 20
        知識產權保護科負責哪些 ⇒ unit 知识产权保护科: {IpProtection}
        執法稽查科負責哪些措施 ⇒ unit 执法稽查科: 8 9 10
        產品質量安全監督管理科 ⇒ unit 产品质量安全监督管理科: 4
        修武縣 ⇒ unit 修武县市场监督管理局: {All}
        （八）嚴厲打擊地理標誌侵權假冒行為 ⇒ item 八: 8 9 10
        （十）誰負責 ⇒ item 十: 13 14
        雙隨機 ⇒ keyword: 12
        當陽峪絞胎瓷 ⇒ keyword: 15
        這20項措施分別由誰負責 ⇒ all
        第8項和第9項 ⇒ measures: 8 9
        第二十一項措施誰負責 ⇒ out 21
        知識產權 ⇒ clarify: unit 知识产权保护科 | unit 知识产权促进科 | unit 知识产权维权保护中心
        食品科 ⇒ unknown 食品科: 食品生产安全监督管理科
        食品科负责哪些 ⇒ unknown 食品科: 食品生产安全监督管理科
        食品安全科 ⇒ unknown 食品安全科: 食品生产安全监督管理科 | 产品质量安全监督管理科
        食品安全科負責哪些措施 ⇒ unknown 食品安全科: 食品生产安全监督管理科 | 产品质量安全监督管理科
        质量科 ⇒ unknown 质量科: 产品质量安全监督管理科
        质量管理科负责什么 ⇒ unknown 质量管理科: 产品质量安全监督管理科
        知产科 ⇒ unknown 知产科: 知识产权保护科 | 知识产权促进科 | 知识产权维权保护中心
        知识产权处 ⇒ unknown 知识产权处: 知识产权保护科 | 知识产权促进科 | 知识产权维权保护中心
        执法大队 ⇒ unknown 执法大队: 执法稽查科
        财务科负责哪些措施 ⇒ unknown 财务科:
        执法科 ⇒ unit 执法稽查科: 8 9 10
        工作格局 ⇒ none
        有什么好处 ⇒ none
        你好 ⇒ none
        今天天气怎么样 ⇒ none
        asdfgh ⇒ none
        hello ⇒ none
        help ⇒ none
        帮助 ⇒ none
        汇报进展 ⇒ none
        update ⇒ none
        我的措施 ⇒ none
        my measures ⇒ none
        谢谢 ⇒ none
        吃饭了吗 ⇒ none
        what's the weather like ⇒ none
        😀 ⇒ none
        ??? ⇒ none
        """;

    /// <summary>Who the plan names for each measure, copied by hand from the plan (not from the registry).</summary>
    public static readonly IReadOnlyDictionary<int, string[]> Owners = new Dictionary<int, string[]>
    {
        [1] = ["法规科", "知识产权促进科", "知识产权保护科"],
        [2] = ["知识产权保护科"],
        [3] = ["知识产权保护科"],
        [4] = ["产品质量安全监督管理科", "食品生产安全监督管理科"],
        [5] = ["知识产权保护科"],
        [6] = ["标准化科", "知识产权保护科"],
        [7] = ["检验检测监督管理科", "知识产权保护科"],
        [8] = ["执法稽查科", "反不正当竞争科", "知识产权保护科"],
        [9] = ["执法稽查科", "知识产权保护科"],
        [10] = ["执法稽查科", "知识产权保护科"],
        [11] = ["知识产权保护科"],
        [12] = ["知识产权保护科"],
        [13] = ["知识产权保护科"],
        [14] = ["知识产权保护科", "知识产权维权保护中心"],
        [15] = ["知识产权保护科"],
        [16] = ["人事科", "知识产权促进科"],
        [17] = ["知识产权保护科"],
        [18] = ["人事科", "知识产权保护科"],
        [19] = ["知识产权保护科"],
        [20] = ["知识产权保护科", "市局各有关科室", "各直属单位"],
    };

    public const string CountyBureaus = "各县（市）、区市场监督管理局、城乡一体化示范区分局";

    public static IEnumerable<(string Question, string Expectation)> Parse() =>
        Rows.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split(" ⇒ "))
            .Select(parts => (parts[0], parts[1]));
}

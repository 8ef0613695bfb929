package spoken

import "testing"

// Portuguese, after Cunha and Cintra's grammar and the press of Brazil
// and Portugal: a full stop groups thousands and the comma marks
// decimals, numbers agree with the noun they count ("duzentas pessoas",
// "vinte e uma mil pessoas"), "e" joins the last group to the others only
// where it has no hundreds or is a round hundred ("mil e cem", "mil
// duzentos e trinta"), dates are "três de maio de dois mil e vinte e
// quatro", Roman numerals are ordinals up to the tenth ("D. João VI" Dom
// João sexto) and cardinals after ("século XXI" século vinte e um). "pt"
// alone is Brazil's; pt-PT spells "dezasseis" and counts "mil milhões".
func init() {
	addTable("pt", []category{
		{name: "cardinal", cases: []spokenCase{
			{"Compareceram 1.234 pessoas ao ato.", "Compareceram mil duzentas e trinta e quatro pessoas ao ato."},
			{"A polícia contou 200 pessoas na praça.", "A polícia contou duzentas pessoas na praça."},
			{"Cerca de 21.000 pessoas protestaram.", "Cerca de vinte e uma mil pessoas protestaram."},
			// Before "mil", which does not change, the number agrees with the noun.
			{"A marcha reuniu 200 mil pessoas.", "A marcha reuniu duzentas mil pessoas."},
			{"Foram vendidas 2 mil casas.", "Foram vendidas duas mil casas."},
			{"O estádio recebeu 2 mil torcedores.", "O estádio recebeu dois mil torcedores."},
			{"Foram 2 semanas de chuva e 2 dias de sol.", "Foram duas semanas de chuva e dois dias de sol."},
			{"O acidente deixou 1 vítima e 3 feridos.", "O acidente deixou uma vítima e três feridos."},
			{"A escola tem 41 salas e 500 alunos.", "A escola tem quarenta e uma salas e quinhentos alunos."},
			{"Houve 1.000 mortos e 1.100 feridos.", "Houve mil mortos e mil e cem feridos."},
			{"O clube vendeu 1.250 ingressos.", "O clube vendeu mil duzentos e cinquenta ingressos."},
			{"Houve 1.500.000 votos brancos.", "Houve um milhão e quinhentos mil votos brancos."},
			{"O censo contou 2.000.020 eleitores.", "O censo contou dois milhões e vinte eleitores."},
			{"Eram 2.000.000 de pessoas.", "Eram dois milhões de pessoas."},
			{"Nasceram 16 bebês no hospital.", "Nasceram dezesseis bebês no hospital."},
			{"A ponte tem 117 anos.", "A ponte tem cento e dezessete anos."},
			{"A empresa demitiu 100 funcionários.", "A empresa demitiu cem funcionários."},
			{"Sobrou 1 única vaga.", "Sobrou uma única vaga."},
			{"Ela tem 22 anos.", "Ela tem vinte e dois anos."},
			{"A viagem durou 32 horas.", "A viagem durou trinta e duas horas."},
			{"A população chega a 2,3 milhões de pessoas.", "A população chega a dois vírgula três milhões de pessoas."},
			// A law is named by its number, thousands grouped, and its year.
			{"A Lei 13.709/2018 protege os dados.", "A Lei treze mil setecentos e nove de dois mil e dezoito protege os dados."},
			{"a Lei n.º 8.666/1993 foi revogada", "a Lei número oito mil seiscentos e sessenta e seis de mil novecentos e noventa e três foi revogada"},
		}},
		{name: "decimal", cases: []spokenCase{
			{"O terremoto teve magnitude 7,8.", "O terremoto teve magnitude sete vírgula oito."},
			{"O PIB cresceu 0,25 ponto.", "O PIB cresceu zero vírgula vinte e cinco ponto."},
			{"O índice ficou em 3,14.", "O índice ficou em três vírgula catorze."},
		}},
		{name: "ordinal", cases: []spokenCase{
			{"O time terminou em 2º lugar.", "O time terminou em segundo lugar."},
			{"Ficou em 12.º lugar na prova.", "Ficou em décimo segundo lugar na prova."},
			{"A 3ª edição do festival começa hoje.", "A terceira edição do festival começa hoje."},
			{"a 21ª rodada do campeonato", "a vigésima primeira rodada do campeonato"},
			{"O 1.º-ministro falou ao país.", "O primeiro-ministro falou ao país."},
			{"A 2.ª volta das eleições.", "A segunda volta das eleições."},
			{"a 3° vitória seguida", "a terceira vitória seguida"},
		}},
		{name: "fraction", cases: []spokenCase{
			{"O partido teve 1/2 dos votos.", "O partido teve a metade dos votos."},
			{"Junte 3/4 de xícara de açúcar.", "Junte três quartos de xícara de açúcar."},
			{"Junte 1/2 xícara de leite.", "Junte meia xícara de leite."},
			{"Use 1/2 litro de água.", "Use meio litro de água."},
			{"Asse por 1 1/2 hora.", "Asse por uma hora e meia."},
			{"Adicione 1/4 xícara de óleo.", "Adicione um quarto de xícara de óleo."},
		}},
		{name: "percent", cases: []spokenCase{
			{"A inflação chegou a 12,5% em um ano.", "A inflação chegou a doze vírgula cinco por cento em um ano."},
			{"A taxa é de 1% ao mês.", "A taxa é de um por cento ao mês."},
			{"O desemprego caiu para 2 %.", "O desemprego caiu para dois por cento."},
		}},
		{name: "money", cases: []spokenCase{
			{"O prejuízo foi de R$ 1,5 milhão no trimestre.", "O prejuízo foi de um vírgula cinco milhão de reais no trimestre."},
			{"O contrato de R$ 2 bilhões foi assinado.", "O contrato de dois bilhões de reais foi assinado."},
			{"O lucro foi de R$ 2,5 bi no ano.", "O lucro foi de dois vírgula cinco bilhões de reais no ano."},
			{"A reforma custou R$ 350 mil.", "A reforma custou trezentos e cinquenta mil reais."},
			{"O prêmio é de R$ 1 mil.", "O prêmio é de mil reais."},
			{"O quilo custa R$ 12,50 na feira.", "O quilo custa doze reais e cinquenta centavos na feira."},
			{"A passagem sobe para R$ 0,50 a mais.", "A passagem sobe para cinquenta centavos a mais."},
			{"A empresa captou US$ 1,2 bilhão.", "A empresa captou um vírgula dois bilhão de dólares."},
			{"O bilhete custa € 10 por pessoa.", "O bilhete custa dez euros por pessoa."},
			{"O pão custa 1,99 € hoje.", "O pão custa um euro e noventa e nove centavos hoje."},
			{"A obra custou 2.000.000.000 de reais.", "A obra custou dois bilhões de reais."},
		}},
		{name: "date", cases: []spokenCase{
			{"A reunião foi em 3 de maio de 2024.", "A reunião foi em três de maio de dois mil e vinte e quatro."},
			{"A feira abre no dia 1º de junho.", "A feira abre no dia primeiro de junho."},
			{"O feriado de 1 de maio caiu numa quarta.", "O feriado de primeiro de maio caiu numa quarta."},
			{"O prazo vai até 03/05/2024.", "O prazo vai até três de maio de dois mil e vinte e quatro."},
			{"O festival será de 5-7 de maio.", "O festival será de cinco a sete de maio."},
			{"Sáb., 3 de maio, no estádio.", "sábado, três de maio, no estádio."},
		}},
		{name: "year", cases: []spokenCase{
			{"D. João VI chegou ao Rio em 1808.", "Dom João sexto chegou ao Rio em mil oitocentos e oito."},
			{"A crise de 1985 e a de 2024.", "A crise de mil novecentos e oitenta e cinco e a de dois mil e vinte e quatro."},
			{"Os anos 80 foram de inflação.", "Os anos oitenta foram de inflação."},
		}},
		{name: "time", cases: []spokenCase{
			{"O jogo começa às 14h30 no Maracanã.", "O jogo começa às catorze e trinta no Maracanã."},
			{"O show começa às 21h no estádio.", "O show começa às vinte e uma horas no estádio."},
			{"A audiência começa às 14h30min.", "A audiência começa às catorze e trinta."},
			{"A sessão foi às 14:30 de ontem.", "A sessão foi às catorze e trinta de ontem."},
			{"O incêndio começou à 1h da manhã.", "O incêndio começou à uma hora da manhã."},
			{"O voo sai às 0h15.", "O voo sai às zero hora e quinze."},
			{"A loja abre das 9h às 18h.", "A loja abre das nove horas às dezoito horas."},
			{"O horário de visita é 9h-17h.", "O horário de visita é das nove horas às dezessete horas."},
			{"Gol aos 88' do segundo tempo.", "Gol aos oitenta e oito minutos do segundo tempo."},
		}},
		{name: "measure", cases: []spokenCase{
			{"A estrada tem 25 km de buracos.", "A estrada tem vinte e cinco quilômetros de buracos."},
			{"O pacote pesa 200 g.", "O pacote pesa duzentos gramas."},
			{"Os termômetros chegaram a 40 °C.", "Os termômetros chegaram a quarenta graus Celsius."},
			{"Ele mede 1,92 m e pesa 85 kg.", "Ele mede um metro e noventa e dois e pesa oitenta e cinco quilos."},
			{"O radar flagrou 120 km/h.", "O radar flagrou cento e vinte quilômetros por hora."},
			{"O fogo consumiu 500 ha de mata.", "O fogo consumiu quinhentos hectares de mata."},
			{"Ele correu em 9,58 s.", "Ele correu em nove vírgula cinquenta e oito segundos."},
			{"A represa tem 1 t de lixo.", "A represa tem uma tonelada de lixo."},
		}},
		{name: "range", cases: []spokenCase{
			{"Entre 2010-2015 o país cresceu.", "Entre dois mil e dez e dois mil e quinze o país cresceu."},
			{"O mandato de 2010-2015 foi difícil.", "O mandato de dois mil e dez a dois mil e quinze foi difícil."},
			{"Vieram 10-20 pessoas ao culto.", "Vieram de dez a vinte pessoas ao culto."},
			{"De 3 a 5 pessoas por mesa.", "De três a cinco pessoas por mesa."},
			{"O Flamengo venceu o Vasco por 2-1.", "O Flamengo venceu o Vasco por dois a um."},
			{"Aberto seg.-sex. no centro.", "Aberto de segunda-feira a sexta-feira no centro."},
		}},
		{name: "roman", cases: []spokenCase{
			{"O séc. XX viu duas guerras.", "O século vinte viu duas guerras."},
			{"No século XXI tudo mudou.", "No século vinte e um tudo mudou."},
			{"No século V a cidade caiu.", "No século quinto a cidade caiu."},
			{"D. Pedro II governou o Brasil.", "Dom Pedro segundo governou o Brasil."},
			{"D. Maria I foi a primeira rainha.", "Dona Maria primeira foi a primeira rainha."},
			{"O papa Bento XVI renunciou.", "O papa Bento dezesseis renunciou."},
			{"a II Guerra Mundial terminou", "a segunda Guerra Mundial terminou"},
		}},
		{name: "abbreviation", cases: []spokenCase{
			{"O Sr. Silva e a Sra. Costa chegaram.", "O senhor Silva e a senhora Costa chegaram."},
			{"A Dra. Ana falou com o Dr. Paulo.", "A doutora Ana falou com o doutor Paulo."},
			{"A Prof.ª Marta e o Eng. Rui.", "A professora Marta e o engenheiro Rui."},
			{"Mora na casa n.º 5 da rua.", "Mora na casa número cinco da rua."},
			{"Frutas, p. ex. maçãs, peras etc.", "Frutas, por exemplo maçãs, peras etcétera."},
			{"Veja o art. 5 da Constituição.", "Veja o artigo cinco da Constituição."},
		}},
		{name: "telephone", cases: []spokenCase{
			{"Ligue para (11) 98765-4321.", "Ligue para um um, nove oito sete seis cinco, quatro três dois um."},
			{"Ligue para +55 11 98765-4321.", "Ligue para mais cinco cinco, um um, nove oito sete seis cinco, quatro três dois um."},
		}},
		{name: "voice", cases: []spokenCase{
			{"o XXV aniversário", "o XXV aniversário"},
			{"a BR-116 está fechada", "a BR-116 está fechada"},
			{"o COVID-19", "o COVID-19"},
		}},
	})
	addTable("pt-PT", []category{
		{name: "cardinal", cases: []spokenCase{
			{"Nasceram 16 bebés e 17 gémeos.", "Nasceram dezasseis bebés e dezassete gémeos."},
			{"Custou 2.500.300.000 euros.", "Custou dois mil e quinhentos milhões e trezentos mil euros."},
		}},
		{name: "money", cases: []spokenCase{
			// A Brazilian "bilhão" is a thousand millions, which Portugal
			// says so; its own "bilião" is a million millions.
			{"O Estado gastou 2 bilhões de euros.", "O Estado gastou dois mil milhões de euros."},
			{"A dívida é de 1 bilião de euros.", "A dívida é de um bilião de euros."},
			{"Custou 2.000.000.000 de euros.", "Custou dois mil milhões de euros."},
			{"O café custa 0,80 € no Porto.", "O café custa oitenta cêntimos no Porto."},
		}},
		{name: "date", cases: []spokenCase{
			{"A revolução de 25 de Abril de 1974.", "A revolução de vinte e cinco de abril de mil novecentos e setenta e quatro."},
			{"O feriado de 1 de dezembro voltou.", "O feriado de um de dezembro voltou."},
			{"No 1.º de Maio houve desfiles.", "No primeiro de maio houve desfiles."},
		}},
		{name: "roman", cases: []spokenCase{
			{"O papa Bento XVI renunciou.", "O papa Bento dezasseis renunciou."},
		}},
		{name: "telephone", cases: []spokenCase{
			{"Ligue para o 912 345 678.", "Ligue para o nove um dois, três quatro cinco, seis sete oito."},
			{"Ligue 213 456 789.", "Ligue dois um três, quatro cinco seis, sete oito nove."},
		}},
		{name: "measure", cases: []spokenCase{
			{"A estrada tem 25 km.", "A estrada tem vinte e cinco quilómetros."},
		}},
	})
}

// A text tagged "pt" alone is said as Brazil says it, unless the voice
// that reads it is European: then "16" is "dezasseis" and a Brazilian
// "bilhão" a thousand millions, the written forms staying the text's.
func TestPortugueseVoiceRegion(t *testing.T) {
	for _, c := range []struct{ lang, voice, in, want string }{
		{"pt", "", "Foram 16 anos e R$ 2 bilhões.", "Foram dezesseis anos e dois bilhões de reais."},
		{"pt", "pt-BR", "Foram 16 anos e R$ 2 bilhões.", "Foram dezesseis anos e dois bilhões de reais."},
		{"pt", "pt-PT", "Foram 16 anos e R$ 2 bilhões.", "Foram dezasseis anos e dois mil milhões de reais."},
		{"pt-BR", "pt-PT", "Foram 16 anos.", "Foram dezesseis anos."},
		{"pt-AO", "", "Foram 16 anos.", "Foram dezasseis anos."},
	} {
		if got := New(c.lang, Config{VoiceLang: c.voice}).Normalize(c.in).Text; got != c.want {
			t.Errorf("%s read by %q %q:\n got %q\nwant %q", c.lang, c.voice, c.in, got, c.want)
		}
	}
}

// Portuguese numbers, spelled by country: "e" before the last group where
// it has no hundreds or is a round hundred, the long scale in Portugal.
func TestPortugueseCardinal(t *testing.T) {
	for _, c := range []struct {
		n        uint64
		g        gender
		br, euro string
	}{
		{0, plain, "zero", "zero"},
		{1, fem, "uma", "uma"},
		{2, fem, "duas", "duas"},
		{19, plain, "dezenove", "dezanove"},
		{100, plain, "cem", "cem"},
		{101, plain, "cento e um", "cento e um"},
		{1000, fem, "mil", "mil"},
		{1005, plain, "mil e cinco", "mil e cinco"},
		{1100, plain, "mil e cem", "mil e cem"},
		{1230, plain, "mil duzentos e trinta", "mil duzentos e trinta"},
		{2200, fem, "duas mil e duzentas", "duas mil e duzentas"},
		{1001000, plain, "um milhão e mil", "um milhão e mil"},
		{1234567, plain, "um milhão duzentos e trinta e quatro mil quinhentos e sessenta e sete",
			"um milhão duzentos e trinta e quatro mil quinhentos e sessenta e sete"},
		{1e9, plain, "um bilhão", "mil milhões"},
		{3e12, plain, "três trilhões", "três biliões"},
		{200e6, fem, "duzentos milhões", "duzentos milhões"},
	} {
		if got := (ptSpeller{}).cardinal(c.n, c.g); got != c.br {
			t.Errorf("pt-BR %d: got %q, want %q", c.n, got, c.br)
		}
		if got := (ptSpeller{european: true}).cardinal(c.n, c.g); got != c.euro {
			t.Errorf("pt-PT %d: got %q, want %q", c.n, got, c.euro)
		}
	}
}
